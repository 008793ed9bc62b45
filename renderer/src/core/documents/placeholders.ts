// {field}, {field.detail} and {field|capitals} substitution. Values are formatted by field type so a
// template never formats anything itself: dates print as 2020年12月1日, money as 1,234.50 or in
// capitals (人民币大写), lists joined with 、, persons by name.
import { chineseDate } from '../common/iso-date';
import { fenToCapitals, formatFen } from '../money';
import { idLabel } from './id-label';
import type { DocumentData, FieldDefinition, FieldValue, PersonValue, RowValue } from './template-types';

/** What an unfilled value prints as: a line to write on, so a draft shows where data is missing. */
export const BLANK = '________';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?:\|([A-Za-z]+))?\}/g;

export type Formatter = 'capitals' | 'figures' | 'count' | 'date' | 'idLabel' | 'minute';

/** {field|minute} left empty: the server writes the time of service by hand, to the minute. */
export const WRITE_IN_MINUTE = '　　年　　月　　日　　时　　分';

export interface PlaceholderRef {
  readonly key: string;
  readonly detail?: string;
  readonly formatter?: string;
}

export function placeholdersIn(text: string): PlaceholderRef[] {
  const refs: PlaceholderRef[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1] ?? '';
    refs.push({ key, ...(m[2] ? { detail: m[2] } : {}), ...(m[3] ? { formatter: m[3] } : {}) });
  }
  return refs;
}

export function isPerson(v: FieldValue | undefined): v is PersonValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as PersonValue).name === 'string';
}

export function isEmptyValue(v: FieldValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isPerson(v)) return v.name.trim() === '';
  return false;
}

function formatMoney(v: FieldValue | undefined, formatter: string | undefined): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return BLANK;
  return formatter === 'capitals' ? fenToCapitals(v) : formatFen(v);
}

/** Formats one value the way the document prints it. */
export function formatValue(
  type: FieldDefinition['type'] | 'text',
  v: FieldValue | undefined,
  detail?: string,
  formatter?: string,
): string {
  if (formatter === 'count') return Array.isArray(v) ? String(v.length) : '0';
  // {person|idLabel}: 身份证号码 / 护照号码 / … from the person's idType (or the number's shape).
  if (formatter === 'idLabel') return isPerson(v) ? idLabel(v.idType, v.idNumber ?? v.idMasked ?? '') : '证件号码';
  if (formatter === 'minute' && isEmptyValue(v)) return WRITE_IN_MINUTE;
  if (isEmptyValue(v)) return BLANK;
  switch (type) {
    case 'money':
      return formatMoney(v, formatter);
    case 'date':
      return typeof v === 'string' ? chineseDate(v) : BLANK;
    case 'person':
      if (!isPerson(v)) return typeof v === 'string' ? v : BLANK;
      return detail ? (v[detail]?.trim() ? (v[detail] ?? BLANK) : BLANK) : v.name;
    case 'list':
      return Array.isArray(v) ? (v as readonly string[]).join('、') : String(v);
    case 'rows':
      return Array.isArray(v) ? String(v.length) : BLANK;
    default:
      return typeof v === 'string' || typeof v === 'number' ? String(v) : BLANK;
  }
}

export interface SubstitutionScope {
  readonly fields: ReadonlyMap<string, FieldDefinition>;
  readonly data: DocumentData;
  /** Row or list item being repeated: {item}, {n} and column keys resolve here first. */
  readonly local?: Readonly<Record<string, { readonly type: FieldDefinition['type'] | 'text'; readonly value: FieldValue | undefined }>>;
}

export function substitute(text: string, scope: SubstitutionScope): string {
  return text.replace(PLACEHOLDER, (_all, key: string, detail?: string, formatter?: string) => {
    const local = scope.local?.[key];
    if (local) return formatValue(local.type, local.value, detail, formatter);
    const def = scope.fields.get(key);
    return formatValue(def?.type ?? 'text', scope.data[key], detail, formatter);
  });
}

/** Scope entries for one table row: each column by its key, plus {n} (1-based). */
export function rowScope(
  columns: FieldDefinition['columns'],
  row: RowValue,
  n: number,
): NonNullable<SubstitutionScope['local']> {
  const local: Record<string, { type: FieldDefinition['type'] | 'text'; value: FieldValue | undefined }> = {
    n: { type: 'text', value: String(n) },
  };
  for (const c of columns ?? []) local[c.key] = { type: c.type, value: row[c.key] };
  return local;
}
