// The audit log (审计日志): every write to case data appends one entry, chained by SHA-256 so a
// changed, removed or inserted entry is detectable (留痕留印: everything leaves a trace).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../common/canonical-json';
import type { RecordState } from './record-state';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'stage-change'
  | 'import'
  | 'export'
  | 'reveal'
  | 'approve'
  | 'issue'
  | 'void'
  | 'restore'
  | 'settings'
  | 'sign-in'
  | 'sign-out'
  /** An attempt the rules refused (role, four eyes, wrong passphrase): kept so refusals leave a trace too. */
  | 'refuse';

export interface AuditEntryBody {
  /** 1, 2, 3 … with no gaps: a missing number is itself evidence of tampering. */
  readonly seq: number;
  /** ISO 8601 instant of the write. */
  readonly at: string;
  /** Who did it (经办人): the signed-in user's name; before users existed, the name typed in settings. */
  readonly operator: string;
  /**
   * The signed-in user's id; null when nobody was signed in (the app itself). Absent on entries
   * written before the first user existed: their operator was typed by hand, and the audit screen
   * says so. (Absent, not null, so those entries hash exactly as they were written.)
   */
  readonly userId?: string | null;
  readonly action: AuditAction;
  /** Table or aggregate name, e.g. "cases", "settings", "creditors". */
  readonly entity: string;
  readonly entityId: string;
  /** State before and after; null for create/delete, a summary for bulk writes (imports). */
  readonly before: unknown;
  readonly after: unknown;
  /**
   * The record's state after the change, a short hash per field (record-state.ts): null when the
   * change deleted it. Absent on entries that change no record the app tracks this way, and on
   * entries written before states were kept (so those hash exactly as they were written).
   */
  readonly state?: RecordState | null;
  readonly prevHash: string;
}

export interface AuditEntry extends AuditEntryBody {
  readonly hash: string;
}

/** Hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditEntry(body: AuditEntryBody): string {
  const canonical = canonicalJson({ ...body });
  return bytesToHex(sha256(utf8ToBytes(`${body.prevHash}\n${canonical}`)));
}

export function sealAuditEntry(body: AuditEntryBody): AuditEntry {
  return { ...body, hash: hashAuditEntry(body) };
}
