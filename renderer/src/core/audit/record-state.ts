// The state of a record as its audit entry saw it (记录状态): a short hash of each field, written into
// the entry in the same transaction as the change. Comparing the record as stored now with the state
// its last entry recorded names an edit made outside the app, down to the field, without keeping a
// second copy of the data. Pure.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../common/canonical-json';
import { FIELD_LABELS } from './field-labels';

/** Field name → the first 16 hex digits of the SHA-256 of its canonical JSON. */
export type RecordState = Readonly<Record<string, string>>;

export function fieldDigest(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value)))).slice(0, 16);
}

/** The state of one record; null when the record does not exist (deleted). */
export function recordState(record: Readonly<Record<string, unknown>> | null | undefined): RecordState | null {
  if (!record) return null;
  const state: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) state[k] = fieldDigest(v);
  return state;
}

export type StateDifference =
  | { readonly kind: 'fields'; readonly fields: readonly string[] }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'reappeared' };

/** Null when the record matches what its last entry recorded. */
export function compareState(recorded: RecordState | null, current: RecordState | null): StateDifference | null {
  if (recorded === null) return current === null ? null : { kind: 'reappeared' };
  if (current === null) return { kind: 'deleted' };
  const fields = new Set([...Object.keys(recorded), ...Object.keys(current)]);
  const changed = [...fields].filter((f) => recorded[f] !== current[f]).sort();
  return changed.length === 0 ? null : { kind: 'fields', fields: changed };
}

/** The kinds of record whose state entries carry, as the audit screen names them. */
export const STATE_KIND_LABELS: Readonly<Record<string, string>> = {
  cases: '案件',
  petitions: '信访件',
  documents: '文书',
  creditors: '集资参与人名单',
};

export interface RecordMismatch {
  readonly entity: string;
  readonly entityId: string;
  /** The record's name (案件编号 …), else its id. */
  readonly name: string;
  /** The entry whose state no longer matches. */
  readonly seq: number;
  readonly difference: StateDifference;
}

/** "案件 威公经立〔2020〕15号 的 案件名称 与审计记录不符（第 12 条）…" */
export function describeMismatch(m: RecordMismatch): string {
  const what = `${STATE_KIND_LABELS[m.entity] ?? m.entity} ${m.name}`;
  switch (m.difference.kind) {
    case 'fields': {
      const fields = m.difference.fields.map((f) => FIELD_LABELS[f] ?? f).join('、');
      return `${what} 的 ${fields} 与审计记录不符（第 ${m.seq} 条审计记录之后在本应用之外被改动）。`;
    }
    case 'deleted':
      return `${what} 已不存在，但审计日志中没有删除记录（最后一条为第 ${m.seq} 条）：在本应用之外被删除。`;
    case 'reappeared':
      return `${what} 在第 ${m.seq} 条审计记录中已删除，现在却仍然存在：在本应用之外被加回。`;
  }
}
