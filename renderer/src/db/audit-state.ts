import { Dexie } from 'dexie';
import type { AuditAction } from '../core/audit/audit-entry';
import { type RecordState, recordState } from '../core/audit/record-state';
import type { WorkstationDb } from './database';

// Which records' states audit entries carry (core/audit/record-state.ts), and how each is read: the
// record as the verify step compares it. A state is read inside the writing transaction, after the
// change, so it is exactly what was committed.

/** Actions that change no record: their entries carry no state. */
const READ_ONLY: ReadonlySet<AuditAction> = new Set(['reveal', 'export', 'refuse', 'sign-in', 'sign-out']);

export interface StateSource {
  /** Tables the writing transaction must include. */
  readonly tables: readonly string[];
  /** The record an entry's entityId refers to (creditor entries name `${caseId}/${cid}`). */
  readonly recordId: (entityId: string) => string;
  readonly read: (db: WorkstationDb, id: string) => Promise<Record<string, unknown> | null>;
}

export const STATE_SOURCES: Readonly<Record<string, StateSource>> = {
  cases: {
    tables: ['cases', 'parties'],
    recordId: (id) => id,
    read: async (db, id) => {
      const row = await db.cases.get(id);
      if (!row) return null;
      const parties = (await db.parties.where('caseId').equals(id).toArray()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { ...row, parties };
    },
  },
  petitions: {
    tables: ['petitions'],
    recordId: (id) => id,
    read: async (db, id) => {
      const row = await db.petitions.get(id);
      if (!row) return null;
      const { body, ...columns } = row;
      return { ...body, ...columns };
    },
  },
  documents: {
    tables: ['documents'],
    recordId: (id) => id,
    read: async (db, id) => {
      const row = await db.documents.get(id);
      if (!row) return null;
      const { body, ...columns } = row;
      return { ...(body as object), ...columns };
    },
  },
  /**
   * A case's creditor register: the pointer row with its count and totals. The creditors themselves
   * (up to a million) are checked against these totals in chunks when the chain is verified.
   */
  creditors: {
    tables: ['creditorRegisters'],
    recordId: (id) => id.split('/')[0] ?? id,
    read: async (db, id) => {
      const row = await db.creditorRegisters.get(id);
      return row ? { ...row } : null;
    },
  },
};

/**
 * The state to record in this entry: undefined when the entity keeps none or the action changes
 * nothing, or when the writing transaction lacks a table the state needs (an entry that only notes
 * an approval, say). A write that does change the record there would show as an outside edit on the
 * next verify, never as a failed write: so the writes of the records above include the tables.
 */
export function stateForEntry(db: WorkstationDb, entity: string, entityId: string, action: AuditAction): Promise<RecordState | null> | undefined {
  // Not async on purpose: an entry with no state adds no await to the writing transaction (an extra
  // native await there let a restore's transaction commit before Dexie saw its scope finish).
  const source = STATE_SOURCES[entity];
  if (!source || READ_ONLY.has(action)) return undefined;
  const tx = Dexie.currentTransaction;
  const missing = tx ? source.tables.filter((t) => !tx.storeNames.includes(t)) : [];
  if (missing.length > 0) {
    console.warn(`[audit] ${action} ${entity}: the transaction lacks ${missing.join(', ')}; no state recorded`);
    return undefined;
  }
  return source.read(db, source.recordId(entityId)).then(recordState);
}
