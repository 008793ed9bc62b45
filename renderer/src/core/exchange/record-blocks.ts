// Received records are stored packed, up to 1,000 to an IndexedDB row, one office and kind per row,
// because IndexedDB costs about 100 µs per row written (README "How creditors are stored"): a
// district's year of 22,500 records is 23 rows, not 22,500. An import rewrites only the rows that hold
// a record it adds, changes or removes; a record keeps its row (and its place) when it changes.
import { recordContentHash, recordKey } from './import-plan';

/** One received record inside a block: what the import plan compares, and the record as sent. */
export interface StoredExchangeRecord {
  readonly sourceId: string;
  readonly district: string | null;
  readonly periodKey: string;
  readonly packageSha256: string;
  readonly packageCreatedAt: string;
  readonly contentHash: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One stored row: records of one office and one kind, at most RECORDS_PER_BLOCK of them. */
export interface ExchangeRecordBlock {
  /** `${office}|${kind}|${seq}`. */
  readonly id: string;
  readonly office: string;
  readonly officeName: string;
  readonly kind: string;
  readonly seq: number;
  readonly records: readonly StoredExchangeRecord[];
}

export const RECORDS_PER_BLOCK = 1_000;

/**
 * A block as IndexedDB holds it: the records as one JSON text. Storing a string costs a copy, where a
 * graph of 1,000 nested objects is walked field by field by the structured clone on every write and
 * read (in fake-indexeddb that walk was most of a 3 s import; Chromium's is faster, but still per field).
 */
export interface StoredRecordBlock {
  readonly id: string;
  readonly office: string;
  readonly officeName: string;
  readonly kind: string;
  readonly seq: number;
  readonly count: number;
  /** JSON of StoredExchangeRecord[] ('' in a register block). */
  readonly records: string;
  /** A register block's creditors (register-frames.ts): the frame's plaintext as received, NDJSON deflated. */
  readonly frame?: Uint8Array;
}

export function encodeRecordBlock(block: ExchangeRecordBlock): StoredRecordBlock {
  return { id: block.id, office: block.office, officeName: block.officeName, kind: block.kind, seq: block.seq, count: block.records.length, records: JSON.stringify(block.records) };
}

export function decodeRecordBlock(row: StoredRecordBlock): ExchangeRecordBlock {
  return { id: row.id, office: row.office, officeName: row.officeName, kind: row.kind, seq: row.seq, records: JSON.parse(row.records) as StoredExchangeRecord[] };
}

export function recordBlockId(office: string, kind: string, seq: number): string {
  return `${office}|${kind}|${seq}`;
}

/** A received record with its office, as the read-only view and the planner see one. */
export interface FlatExchangeRecord extends StoredExchangeRecord {
  readonly key: string;
  readonly office: string;
  readonly officeName: string;
  readonly kind: string;
}

export function flattenBlocks(blocks: readonly ExchangeRecordBlock[]): FlatExchangeRecord[] {
  const out: FlatExchangeRecord[] = [];
  const ordered = [...blocks].sort((a, b) => (a.office === b.office ? (a.kind === b.kind ? a.seq - b.seq : a.kind < b.kind ? -1 : 1) : a.office < b.office ? -1 : 1));
  for (const b of ordered) {
    for (const r of b.records) out.push({ ...r, key: recordKey(b.office, b.kind, r.sourceId), office: b.office, officeName: b.officeName, kind: b.kind });
  }
  return out;
}

export interface BlockWrite {
  readonly kind: string;
  readonly record: StoredExchangeRecord;
}

export interface BlockChanges {
  /** Blocks to write whole (new or rewritten). */
  readonly put: ExchangeRecordBlock[];
  /** Blocks left empty: deleted. */
  readonly deleted: string[];
}

/**
 * The rows to write for one office's import: `blocks` are the office's stored blocks (all of them,
 * or at least every block of the kinds written or removed), `writes` are added or changed records,
 * `removals` the records a newer package of the period no longer carries.
 */
export function applyToBlocks(
  blocks: readonly ExchangeRecordBlock[],
  office: string,
  officeName: string,
  writes: readonly BlockWrite[],
  removals: readonly { readonly kind: string; readonly sourceId: string }[],
  perBlock = RECORDS_PER_BLOCK,
): BlockChanges {
  const own = blocks.filter((b) => b.office === office);
  const where = new Map<string, { block: string; index: number }>();
  const byId = new Map(own.map((b) => [b.id, b]));
  for (const b of own) {
    b.records.forEach((r, index) => {
      where.set(`${b.kind}\u0000${r.sourceId}`, { block: b.id, index });
    });
  }
  const dirty = new Map<string, { block: ExchangeRecordBlock; records: (StoredExchangeRecord | null)[] }>();
  const open = (id: string) => {
    let d = dirty.get(id);
    if (!d) {
      const block = byId.get(id);
      if (!block) throw new Error(`block ${id} not held`);
      d = { block, records: [...block.records] };
      dirty.set(id, d);
    }
    return d;
  };
  const nextSeq = new Map<string, number>();
  for (const b of own) nextSeq.set(b.kind, Math.max(nextSeq.get(b.kind) ?? 0, b.seq + 1));
  /** The block of a kind that new records go to: the last one with room, else a new one. */
  const tail = new Map<string, string>();
  const appendTo = (kind: string): { block: ExchangeRecordBlock; records: (StoredExchangeRecord | null)[] } => {
    const current = tail.get(kind);
    if (current) {
      const d = open(current);
      if (d.records.length < perBlock) return d;
    } else {
      const last = own.filter((b) => b.kind === kind).sort((a, b) => b.seq - a.seq)[0];
      if (last && last.records.length < perBlock) {
        tail.set(kind, last.id);
        return open(last.id);
      }
    }
    const seq = nextSeq.get(kind) ?? 0;
    nextSeq.set(kind, seq + 1);
    const block: ExchangeRecordBlock = { id: recordBlockId(office, kind, seq), office, officeName, kind, seq, records: [] };
    byId.set(block.id, block);
    tail.set(kind, block.id);
    const d = { block, records: [] as (StoredExchangeRecord | null)[] };
    dirty.set(block.id, d);
    return d;
  };
  for (const w of writes) {
    const at = where.get(`${w.kind}\u0000${w.record.sourceId}`);
    if (at) open(at.block).records[at.index] = w.record;
    else {
      const d = appendTo(w.kind);
      where.set(`${w.kind}\u0000${w.record.sourceId}`, { block: d.block.id, index: d.records.length });
      d.records.push(w.record);
    }
  }
  for (const r of removals) {
    const at = where.get(`${r.kind}\u0000${r.sourceId}`);
    if (!at) continue;
    open(at.block).records[at.index] = null;
    where.delete(`${r.kind}\u0000${r.sourceId}`);
  }
  const put: ExchangeRecordBlock[] = [];
  const deleted: string[] = [];
  for (const { block, records } of dirty.values()) {
    const kept = records.filter((r): r is StoredExchangeRecord => r !== null);
    if (kept.length === 0) {
      if (own.some((b) => b.id === block.id)) deleted.push(block.id);
    } else put.push({ ...block, officeName, records: kept });
  }
  return { put, deleted };
}

/** A row of version 6's one-row-per-record table, as migration 009 reads it. */
export interface SingleExchangeRecordRow extends StoredExchangeRecord {
  readonly office: string;
  readonly officeName: string;
  readonly kind: string;
}

/**
 * Packs the rows of version 6's one-row-per-record table into blocks (migration 009). Content
 * hashes are computed again with today's recordContentHash, so the first package after the upgrade
 * shows only real changes.
 */
export function packIntoBlocks(rows: readonly SingleExchangeRecordRow[], perBlock = RECORDS_PER_BLOCK): ExchangeRecordBlock[] {
  const groups = new Map<string, { office: string; officeName: string; kind: string; records: StoredExchangeRecord[] }>();
  for (const r of rows) {
    const id = `${r.office}\u0000${r.kind}`;
    const g = groups.get(id) ?? { office: r.office, officeName: r.officeName, kind: r.kind, records: [] };
    groups.set(id, g);
    g.records.push({
      sourceId: r.sourceId,
      district: r.district,
      periodKey: r.periodKey,
      packageSha256: r.packageSha256,
      packageCreatedAt: r.packageCreatedAt,
      contentHash: recordContentHash(r),
      data: r.data,
    });
  }
  const out: ExchangeRecordBlock[] = [];
  for (const g of groups.values()) {
    for (let seq = 0; seq * perBlock < g.records.length; seq++) {
      out.push({ id: recordBlockId(g.office, g.kind, seq), office: g.office, officeName: g.officeName, kind: g.kind, seq, records: g.records.slice(seq * perBlock, (seq + 1) * perBlock) });
    }
  }
  return out;
}
