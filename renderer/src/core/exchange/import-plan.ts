// What importing a verified package would change, against what this office already holds from the
// sender: the preview the user confirms, and the exact writes the import then makes. Pure, so the
// rules are tested without a database:
// - a record's identity is sender office id + kind + its id at the sender: re-sent edits update;
// - records of one office are never touched by another office's package (keys carry the office);
// - a package replaces the records its office sent for the same period before (the ones it no
//   longer carries are removed); a record last written by a newer package is left as it is;
// - the same file again changes nothing; an older package of a period after a newer one is refused.
import { formatOfficeDateTime } from '../common/office-time';
import { refusals } from './errors';
import type { ExchangeRecord, PackageHeader } from './types';

export function recordKey(officeId: string, kind: string, sourceId: string): string {
  return `${officeId}|${kind}|${sourceId}`;
}

/**
 * The record's content as the sender wrote it, as a 64-bit hash (16 hex digits). JSON.stringify, not
 * canonical JSON: the sender's own code fixes the key order, and sorting every key of a district's
 * year cost seconds; a key order changed by a new app version only shows as 有变化 once, which is
 * harmless. Not a cryptographic hash: the package's signature already vouches for its content; this
 * only tells a changed record from an unchanged one (SHA-256 of 22,500 records took 0.6 s, this 0.03 s).
 */
export function recordContentHash(record: Pick<ExchangeRecord, 'district' | 'data'>): string {
  return hash64(JSON.stringify([record.district, record.data]));
}

/** Two independent 32-bit multiply-xorshift lanes over the UTF-16 code units (cyrb53's mixing). */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** A record held from an office, as far as planning needs it. */
export interface HeldRecord {
  readonly key: string;
  readonly kind: string;
  readonly contentHash: string;
  readonly periodKey: string;
  /** createdAt of the package that last wrote it. */
  readonly packageCreatedAt: string;
}

/** A package received before from the same office. */
export interface HeldPackage {
  readonly fileSha256: string;
  readonly periodKey: string;
  readonly createdAt: string;
}

export interface PlannedRecord {
  readonly key: string;
  readonly record: ExchangeRecord;
  readonly contentHash: string;
}

export interface ImportPlan {
  /** True when this very file was imported before: nothing is written. */
  readonly alreadyImported: boolean;
  readonly added: readonly PlannedRecord[];
  readonly changed: readonly PlannedRecord[];
  readonly unchanged: number;
  /** Held for this period from the sender, not in the newer package: removed. */
  readonly removed: readonly string[];
  /** Held records a newer package (of another period) wrote: kept as they are. */
  readonly keptNewer: number;
  /** Per kind: new / changed / unchanged / removed, for the preview table. */
  readonly byKind: Readonly<Record<string, { added: number; changed: number; unchanged: number; removed: number }>>;
}

export function planImport(
  header: PackageHeader,
  fileSha256: string,
  records: readonly ExchangeRecord[],
  held: readonly HeldRecord[],
  heldPackages: readonly HeldPackage[],
): ImportPlan {
  const empty: ImportPlan = { alreadyImported: true, added: [], changed: [], unchanged: records.length, removed: [], keptNewer: 0, byKind: {} };
  // Replay first: an old file brought back after a newer one is refused even if it was imported once.
  // Notices accumulate (a later notice package does not replace an earlier one's notices), so only
  // reports are refused as replays and only reports remove what they no longer carry.
  const report = header.kind === 'report';
  const newer = !report ? undefined : heldPackages.filter((p) => p.periodKey === header.period.key && p.createdAt > header.createdAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (newer) {
    throw refusals.replayedOlder(header.sender.name, header.period.label, formatOfficeDateTime(newer.createdAt), formatOfficeDateTime(header.createdAt));
  }
  if (heldPackages.some((p) => p.fileSha256 === fileSha256)) return empty;
  const heldByKey = new Map(held.map((h) => [h.key, h]));
  const byKind: Record<string, { added: number; changed: number; unchanged: number; removed: number }> = {};
  const tally = (kind: string) => {
    const t = byKind[kind] ?? { added: 0, changed: 0, unchanged: 0, removed: 0 };
    byKind[kind] = t;
    return t;
  };
  const added: PlannedRecord[] = [];
  const changed: PlannedRecord[] = [];
  let unchanged = 0;
  let keptNewer = 0;
  const incoming = new Set<string>();
  for (const record of records) {
    const key = recordKey(header.sender.id, record.kind, record.sourceId);
    incoming.add(key);
    const contentHash = recordContentHash(record);
    const before = heldByKey.get(key);
    if (!before) {
      added.push({ key, record, contentHash });
      tally(record.kind).added++;
    } else if (before.packageCreatedAt > header.createdAt) {
      keptNewer++;
      tally(record.kind).unchanged++;
    } else if (before.contentHash !== contentHash || before.periodKey !== header.period.key) {
      // A period change alone is written too (the record now belongs to this package), but only a
      // content change is shown as 有变化.
      if (before.contentHash !== contentHash) {
        changed.push({ key, record, contentHash });
        tally(record.kind).changed++;
      } else {
        changed.push({ key, record, contentHash });
        unchanged++;
        tally(record.kind).unchanged++;
      }
    } else {
      unchanged++;
      tally(record.kind).unchanged++;
    }
  }
  const removed: string[] = [];
  // Only the sender's own records can be removed, whatever the caller handed in.
  const own = `${header.sender.id}|`;
  for (const h of report ? held : []) {
    if (h.key.startsWith(own) && h.periodKey === header.period.key && !incoming.has(h.key)) {
      removed.push(h.key);
      tally(h.kind).removed++;
    }
  }
  return { alreadyImported: false, added, changed, unchanged, removed, keptNewer, byKind };
}

/** The preview's counts: 新增 / 有变化 / 无变化 / 删除. */
export function planCounts(plan: ImportPlan): { added: number; changed: number; unchanged: number; removed: number } {
  const changedContent = Object.values(plan.byKind).reduce((n, t) => n + t.changed, 0);
  return { added: plan.added.length, changed: changedContent, unchanged: plan.alreadyImported ? plan.unchanged : plan.unchanged + plan.keptNewer, removed: plan.removed.length };
}
