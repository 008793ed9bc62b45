// How a document's status shows (a tag colour, a line of its record); shared by the registry and the
// detail dialog, in a file of its own so neither page imports the other.
import type { AuditEntry } from '../../../core/audit/audit-entry';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import type { DocumentStatus, StatusChange } from '../../../db/repositories/document-types';

export function statusIntent(s: DocumentStatus): 'none' | 'primary' | 'success' | 'warning' | 'danger' {
  return s === '已签发' ? 'primary' : s === '已送达' || s === '已归档' ? 'success' : s === '作废' ? 'danger' : 'none';
}

/** One line of the 状态记录: the time on the office's clock (stored in UTC), the status, who, why. */
export function statusChangeLine(h: StatusChange): string {
  return [formatOfficeDateTime(h.at), h.status, h.operator, h.note].filter((part) => part !== '').join(' ');
}

const OUTPUT_LABELS: Readonly<Record<string, string>> = { print: '打印', 'print-failed': '打印未完成', pdf: '保存 PDF', docx: '保存 DOCX', attachment: '保存附件' };

/**
 * The document's history: its status changes and what was printed or saved of it (the audit log's
 * export entries), oldest first, one line each in the office's time. A print that was refused or
 * failed shows as 打印未完成 with its reason, after the 打印 recorded before it.
 */
export function documentHistoryLines(history: readonly StatusChange[], entries: readonly AuditEntry[]): { readonly key: string; readonly text: string; readonly failed: boolean }[] {
  const lines = history.map((h) => ({ key: `s-${h.at}-${h.status}`, at: h.at, text: statusChangeLine(h), failed: false }));
  for (const e of entries) {
    if (e.action !== 'export' || typeof e.after !== 'object' || e.after === null) continue;
    const after = e.after as { readonly what?: unknown; readonly fileName?: unknown; readonly reason?: unknown };
    const label = typeof after.what === 'string' ? OUTPUT_LABELS[after.what] : undefined;
    if (!label) continue;
    const detail = after.what === 'print-failed' ? `原因：${String(after.reason ?? '')}` : typeof after.fileName === 'string' ? after.fileName : '';
    lines.push({ key: `a-${e.seq}`, at: e.at, text: [formatOfficeDateTime(e.at), label, e.operator, detail].filter((p) => p !== '').join(' '), failed: after.what === 'print-failed' });
  }
  // Stable: an entry written in the same millisecond keeps its order.
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(({ key, text, failed }) => ({ key, text, failed }));
}
