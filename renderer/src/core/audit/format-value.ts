// One stored value as the app shows it: money in 元, times in local time, codes as words, personal
// data masked (unless deliberately revealed), references to other records by their name.
import { formatOfficeDateTime } from '../common/office-time';
import { maskAccount, maskIdNumber, maskPhone } from '../identity/mask';
import { formatFen } from '../money/format-money';
import { valueLabel } from './field-labels';

/** A record's name by (entity, id), e.g. ('cases', '3f…') → 威公经立〔2020〕15号; undefined when unknown. */
export type RecordNames = (entity: string, id: string) => string | undefined;

export interface FormatContext {
  readonly reveal: boolean;
  readonly names: RecordNames;
  /** Set when a value was masked, so the screen can offer a deliberate reveal. */
  masked: boolean;
}

const PERSONAL: Readonly<Record<string, (v: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskAccount,
  address: () => '***',
};

/** Fields that hold another record's id, and the table it names. */
export const REFERENCES: Readonly<Record<string, string>> = {
  caseId: 'cases',
  caseIds: 'cases',
  batchId: 'repaymentBatches',
  documentId: 'documents',
  petitionId: 'petitions',
  userId: 'users',
  planId: 'repaymentPlans',
  importId: 'creditorImports',
  templateId: 'documentTemplates',
  clueId: 'clues',
  firmId: 'firms',
};

const HASHES = new Set(['hash', 'fileHash', 'pdfSha256', 'sha256', 'prevHash']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** {id, name} and the like: a person or record named on another record. */
function personName(value: Record<string, unknown>): string | null {
  return typeof value.name === 'string' && (typeof value.id === 'string' || Object.keys(value).every((k) => ['name', 'at', 'relaxed', 'id'].includes(k))) ? value.name : null;
}

export function formatScalar(key: string, value: unknown, ctx: FormatContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return key.endsWith('Fen') ? `${formatFen(value)} 元` : String(value);
  if (typeof value !== 'string') return String(value);
  const mask = PERSONAL[key];
  if (mask) {
    if (ctx.reveal) return value;
    ctx.masked = true;
    return mask(value);
  }
  const coded = valueLabel(key, value);
  if (coded) return coded;
  const table = REFERENCES[key];
  if (table) return ctx.names(table, value) ?? '（记录已不存在）';
  if (HASHES.has(key)) return `${value.slice(0, 12)}…`;
  if (ISO_INSTANT.test(value)) return formatOfficeDateTime(value);
  return value;
}

/** A value on one line; objects that are not a person come back null (the caller lists their fields). */
export function formatValue(key: string, value: unknown, ctx: FormatContext): string | null {
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((v) => !isPlainObject(v))) return value.map((v) => formatScalar(key, v, ctx)).join('、');
    const named = value.map((v) => (isPlainObject(v) ? personName(v) : null));
    if (named.every((n) => n !== null)) return named.join('、');
    return `${value.length} 项`;
  }
  if (isPlainObject(value)) {
    const name = personName(value);
    if (name === null) return null;
    const relaxed = typeof value.relaxed === 'string' ? `（${valueLabel('relaxed', value.relaxed) ?? value.relaxed}）` : '';
    return `${name}${relaxed}`;
  }
  return formatScalar(key, value, ctx);
}
