// What a document form holds (strings as typed, so nothing typed is lost on a failed check) and how
// it becomes DocumentData (money in fen, lists one entry a line, empty values left out).
import type { DocumentData, DocumentTemplate, FieldDefinition, FieldValue, RowValue } from '../../../core/documents';
import { fenToYuanString, parseMoneyToFen } from '../../../core/money';

export type FormValue = string | Readonly<Record<string, string>> | readonly Readonly<Record<string, string>>[];
export type FormValues = Readonly<Record<string, FormValue>>;

/** Person details a template mentions in its hint, e.g. "可附职务（position）、联系电话（phone）". */
export function personDetails(def: FieldDefinition): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (const m of (def.hint ?? '').matchAll(/([^，、（）,]+)（([A-Za-z]+)）/g)) {
    const label = (m[1] ?? '').replace(/^(姓名|名称)?，?可附/, '').trim();
    if (m[2]) out.push({ key: m[2], label: label || m[2] });
  }
  return out;
}

export function emptyValue(def: FieldDefinition): FormValue {
  if (def.type === 'person') return { name: '' };
  if (def.type === 'rows') return [];
  return '';
}

/** DocumentData → form strings (drafts, snapshots, prefill). */
export function toFormValues(template: DocumentTemplate, data: DocumentData): FormValues {
  const out: Record<string, FormValue> = {};
  for (const def of template.fields) {
    const v = data[def.key];
    if (v === undefined) out[def.key] = emptyValue(def);
    else if (def.type === 'money') out[def.key] = typeof v === 'number' ? fenToYuanString(v) : String(v);
    else if (def.type === 'list') out[def.key] = Array.isArray(v) ? (v as readonly string[]).join('\n') : String(v);
    else if (def.type === 'rows') {
      out[def.key] = Array.isArray(v)
        ? (v as readonly RowValue[]).map((r) =>
            Object.fromEntries(
              (def.columns ?? []).map((c) => {
                const cell = r[c.key];
                return [c.key, cell === undefined ? '' : c.type === 'money' && typeof cell === 'number' ? fenToYuanString(cell) : String(cell)];
              }),
            ),
          )
        : [];
    } else if (def.type === 'person') out[def.key] = typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, string>) } : { name: String(v) };
    else out[def.key] = String(v);
  }
  return out;
}

export interface Converted {
  readonly data: DocumentData;
  /** Money typed that is not an amount, by field key (the engine's own checks run afterwards). */
  readonly errors: Readonly<Record<string, string>>;
}

function moneyOf(text: string, what: string, errors: Record<string, string>, key: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const r = parseMoneyToFen(text);
  if (r.ok) return r.fen;
  errors[key] ??= `${what}：${r.message}`;
  return text;
}

export function fromFormValues(template: DocumentTemplate, values: FormValues): Converted {
  const data: Record<string, FieldValue> = {};
  const errors: Record<string, string> = {};
  for (const def of template.fields) {
    const v = values[def.key];
    if (v === undefined) continue;
    if (typeof v === 'string') {
      if (def.type === 'money') {
        const m = moneyOf(v, `「${def.label}」`, errors, def.key);
        if (typeof m === 'number') data[def.key] = m;
      } else if (def.type === 'list') {
        const items = v.split('\n').map((x) => x.trim()).filter((x) => x !== '');
        if (items.length) data[def.key] = items;
      } else {
        const t = def.type === 'multiline' ? v.replace(/\s+$/, '') : v.trim();
        if (t !== '') data[def.key] = t;
      }
    } else if (Array.isArray(v)) {
      const rows = (v as readonly Record<string, string>[]).map((r, i) => {
        const row: Record<string, string | number> = {};
        for (const c of def.columns ?? []) {
          const cell = (r[c.key] ?? '').trim();
          if (cell === '') continue;
          if (c.type === 'money') {
            const m = moneyOf(cell, `「${def.label}」第${i + 1}行「${c.label}」`, errors, def.key);
            if (typeof m === 'number') row[c.key] = m;
          } else row[c.key] = cell;
        }
        return row;
      });
      if (rows.length) data[def.key] = rows;
    } else {
      const p = v as Record<string, string>;
      const person = Object.fromEntries(Object.entries(p).map(([k, x]) => [k, x.trim()]).filter(([, x]) => x !== ''));
      if (person.name) data[def.key] = person as { name: string };
    }
  }
  return { data, errors };
}
