// Small pure helpers of the document registry: the registry's one-line summary and what a scan is.
import type { DocumentData, DocumentTemplate, FieldValue } from '../../core/documents';

// The field a registry line names first: who the document is addressed to or about.
// A reward notice is named by its clue number, never by the reporter (kept confidential in the registry).
const SUMMARY_KEYS = ['partyName', 'inspectedParty', 'recipient', 'creditor', 'applicant', 'servedTitle', 'clueNo', 'title'];

function textOf(v: FieldValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'name' in v) return String(v.name);
  return '';
}

export function summaryOf(template: DocumentTemplate, data: DocumentData): string {
  for (const key of SUMMARY_KEYS) {
    if (!template.fields.some((f) => f.key === key)) continue;
    const t = textOf(data[key]).trim();
    if (t) return t.length > 40 ? `${t.slice(0, 40)}…` : t;
  }
  return '';
}

export type AttachmentKind = { readonly ok: true; readonly mimeType: string } | { readonly ok: false; readonly message: string };

/** A scan is accepted when its content is a PDF or a JPEG, whatever the name says. */
export function attachmentKind(fileName: string, bytes: Uint8Array): AttachmentKind {
  if (bytes.byteLength === 0) return { ok: false, message: `扫描件“${fileName}”是空文件：请重新扫描后再附加。` };
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
  if (isPdf) return { ok: true, mimeType: 'application/pdf' };
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (isJpeg) return { ok: true, mimeType: 'image/jpeg' };
  return { ok: false, message: `扫描件“${fileName}”不是 PDF 或 JPG 文件：请以 PDF 或 JPG 格式扫描后再附加。` };
}
