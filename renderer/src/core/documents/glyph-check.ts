// Before generating a PDF: every character the data puts on the page must exist in the embedded
// font, or it would print as an empty box. Reports the field and the character so a user can fix it
// (e.g. a rare name character typed as a look-alike or a private-use code from an old system).
import { buildDocumentModel, modelText } from './document-model';
import type { DocumentData, DocumentTemplate, FieldValue } from './template-types';

export interface UnprintableCharacter {
  readonly field: string;
  /** The field's Chinese label (or the template wording when the character is in the template). */
  readonly label: string;
  readonly char: string;
  /** "U+4E2D": the code, so a user can search for it. */
  readonly codePoint: string;
  readonly message: string;
}

/** What the document faces can print (FaceSet.has: a role's face or the fallback). */
export interface Coverage {
  has(codePoint: number): boolean;
}

// Layout characters never drawn as glyphs.
const NOT_DRAWN = new Set([0x0a, 0x0d, 0x09, 0x20]);

function stringsOf(v: FieldValue | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) {
    return (v as readonly unknown[]).flatMap((x) =>
      typeof x === 'string' ? [x] : typeof x === 'object' && x !== null ? Object.values(x).map(String) : [],
    );
  }
  return Object.values(v as Record<string, string>).map(String);
}

function codeOf(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function findUnprintableCharacters(
  template: DocumentTemplate,
  data: DocumentData,
  coverage: Coverage,
): UnprintableCharacter[] {
  const found: UnprintableCharacter[] = [];
  const seen = new Set<string>();
  const report = (field: string, label: string, ch: string) => {
    const key = `${field}\u0000${ch}`;
    if (seen.has(key)) return;
    seen.add(key);
    const cp = ch.codePointAt(0) ?? 0;
    found.push({
      field,
      label,
      char: ch,
      codePoint: codeOf(cp),
      message: `「${label}」中的字符“${ch}”（${codeOf(cp)}）无法用文书字体打印，会显示为空框：请改用规范汉字，或确认该字是否录入有误`,
    });
  };
  for (const def of template.fields) {
    for (const s of stringsOf(data[def.key])) {
      for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (!NOT_DRAWN.has(cp) && !coverage.has(cp)) report(def.key, def.label, ch);
      }
    }
  }
  // The template's own wording (a user may have edited it) is checked too.
  for (const ch of modelText(buildDocumentModel(template, {}))) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!NOT_DRAWN.has(cp) && !coverage.has(cp)) report('', `模板“${template.name}”的文字`, ch);
  }
  return found;
}
