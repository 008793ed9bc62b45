import { Dexie } from 'dexie';
import type { AuditEntry } from '../core/audit/audit-entry';
import { type AnchorVerdict, type AuditAnchor, anchorAt, type ChainSnapshot, checkAnchor, parseAuditAnchor } from '../core/audit/chain-anchor';
import type { StoreRecordPort } from '../platform/bridge';
import type { WorkstationDb } from './database';

// Keeps the audit chain's anchor (core/audit/chain-anchor.ts) outside the database, through the
// platform: a file in userData (Electron), localStorage (browser mode). The anchor moves forward
// after each committed audit entry, and only while the stored chain still contains it: once the
// log was truncated, cleared or started again, the anchor stays where it was, so every verify and
// every start names what happened instead of a fresh chain quietly taking the old one's place. Only
// a completed restore (itself an entry in the restored chain) or an administrator's recorded
// decision moves it back.

const keepers = new WeakMap<Dexie, AuditAnchorKeeper>();

/** The keeper of this database connection's anchor; none in tests that do not install one. */
export function anchorKeeperOf(db: Dexie): AuditAnchorKeeper | null {
  return keepers.get(db) ?? null;
}

export function keepAuditAnchor(db: WorkstationDb, port: StoreRecordPort): AuditAnchorKeeper {
  const keeper = new AuditAnchorKeeper(db, port);
  keepers.set(db, keeper);
  return keeper;
}

/** The stored chain as the anchor check sees it: four small reads, whatever the log's length. */
export async function chainSnapshot(db: WorkstationDb, anchorSeq: number | null): Promise<ChainSnapshot> {
  return db.transaction('r', db.audit, async () => {
    const [count, head, first, atAnchor] = await Promise.all([
      db.audit.count(),
      db.audit.orderBy('seq').last(),
      db.audit.get(1),
      anchorSeq === null ? Promise.resolve(undefined) : db.audit.get(anchorSeq),
    ]);
    return { count, headSeq: head?.seq ?? 0, headHash: head?.hash ?? null, firstHash: first?.hash ?? null, hashAtAnchor: atAnchor?.hash ?? null };
  });
}

export class AuditAnchorKeeper {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: WorkstationDb,
    readonly port: StoreRecordPort,
  ) {}

  async read(): Promise<AuditAnchor | null> {
    try {
      return parseAuditAnchor(await this.port.read());
    } catch {
      return null;
    }
  }

  /** The anchor against the chain as stored now; moves the anchor forward when it is behind. */
  check(now = new Date()): Promise<AnchorVerdict> {
    return this.serial(async () => {
      const anchor = await this.read();
      const verdict = checkAnchor(anchor, await chainSnapshot(this.db, anchor?.seq ?? null));
      if (verdict.status === 'ok' || verdict.status === 'missing') await this.advance(anchor, now);
      return verdict;
    });
  }

  /**
   * At start: a restore completed since the anchor was written replaced the chain on purpose (its
   * own entry is in the restored chain), so the anchor follows it. Then the check.
   */
  async checkAtStart(restore: { readonly completedAt: string; readonly auditSeq?: number } | undefined, now = new Date()): Promise<AnchorVerdict> {
    const anchor = await this.read();
    if (anchor && restore && restore.completedAt > anchor.at && restore.auditSeq !== undefined) {
      const entry = await this.db.audit.get(restore.auditSeq);
      if (entry?.action === 'restore') await this.serial(() => this.reanchorNow(now));
    }
    return this.check(now);
  }

  /** Called by appendAudit when the transaction holding `entry` committed. */
  committed(entry: AuditEntry): void {
    void this.serial(async () => {
      const anchor = await this.read();
      if (anchor && entry.seq <= anchor.seq && entry.seq !== 1) return;
      const verdict = checkAnchor(anchor, await chainSnapshot(this.db, anchor?.seq ?? null));
      if (verdict.status === 'ok' || verdict.status === 'missing' || verdict.status === 'new') await this.advance(anchor, new Date());
    }).catch((error: unknown) => console.warn(`[audit-anchor] could not keep the anchor in ${this.port.where}: ${String(error)}`));
  }

  /** Anchors the chain as stored now: after a restore, or an administrator's recorded decision. */
  reanchor(now = new Date()): Promise<void> {
    return this.serial(() => this.reanchorNow(now));
  }

  /** Resolves when every anchor write started so far is done (tests, and before a backup). */
  settled(): Promise<void> {
    return this.serial(async () => undefined);
  }

  private async reanchorNow(now: Date): Promise<void> {
    const snap = await chainSnapshot(this.db, null);
    if (snap.count === 0 || !snap.headHash || !snap.firstHash) await this.port.write('{}');
    else await this.port.write(JSON.stringify(anchorAt(snap.headSeq, snap.headHash, snap.firstHash, now)));
  }

  private async advance(anchor: AuditAnchor | null, now: Date): Promise<void> {
    const snap = await chainSnapshot(this.db, null);
    if (!snap.headHash || !snap.firstHash || (anchor && snap.headSeq <= anchor.seq)) return;
    await this.port.write(JSON.stringify(anchorAt(snap.headSeq, snap.headHash, snap.firstHash, now)));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** appendAudit's hook: tell the keeper once the entry's transaction has committed. */
export function noteAuditEntry(db: WorkstationDb, entry: AuditEntry): void {
  const keeper = keepers.get(db);
  const tx = Dexie.currentTransaction;
  if (!keeper) return;
  if (tx) tx.on('complete', () => keeper.committed(entry));
  else keeper.committed(entry);
}
