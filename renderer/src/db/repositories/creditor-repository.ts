// The creditor register (集资参与人名单) store. Creditors are packed 1,000 per record and every
// import writes a NEW GENERATION of blocks, then flips the case's pointer (creditorRegisters) in one
// small transaction with the audit entry: a killed import leaves the case as it was. Blocks of other
// generations are orphans (an unfinished import or the one just replaced) and are deleted by
// cleanupOrphans. Hand edits replace just the creditor's block, in one audited transaction.

import { localIsoDate } from '../../core/common/iso-date';
import type { Creditor, ImportedCreditors } from '../../core/creditors';
import { blockOfRow, type ColumnarRegister, ColumnarRegisterBuilder, entryOf } from '../../core/creditors/columnar-register';
import { editKinds, reviewEdit } from '../../core/creditors/review';
import { DEFAULT_POLICY } from '../../core/users/four-eyes';
import { auditRefusal, authorizeIn, requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { CreditorBlockRow, CreditorImportRow, CreditorImportSummary, CreditorRegisterRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { actorPerson, currentActor, readAccess } from '../session';
import { type CreditorDraft, type CreditorDraftField, type ValidCreditorValues, validateCreditorDraft } from './creditor-draft';
import { type CreditorImportPlan, creditorKey, type PlanOptions, planCreditorImport, registerTotals } from './creditor-merge';
import { CREDITOR_BLOCK_SIZE, type CreditorRegisterSummary, type StoredCreditor } from './creditor-types';
import { setVerification, type VerificationBasis, type VerificationDecision, type VerificationResult } from './creditor-verification';

export type { CreditorImportPlan, CreditorRegisterSummary, PlanOptions, StoredCreditor };

/** What the import wizard knows about the file, recorded with the import. */
export interface CreditorImportFile {
  readonly fileName: string;
  /** SHA-256 of the file's bytes, hex (computed before any transaction). */
  readonly fileHash: string;
  readonly sheetName: string;
  readonly dataRows: number;
  readonly okRows: number;
  readonly warningRows: number;
  readonly errorRows: number;
}

export interface CommitImportControl {
  readonly onProgress?: (blocksWritten: number, blocksTotal: number) => void;
  readonly signal?: AbortSignal;
  /**
   * Let go of each creditor of the plan once its block is handed to the database (issue 17: the
   * import worker's million creditors need not wait beside the database's buffers until the last
   * block). The plan can then only be committed with the blocks this write made.
   */
  readonly release?: boolean;
}

/** A plan's blocks written ahead of the commit (a generation no reader sees yet). */
export interface ImportBlocks {
  readonly plan: CreditorImportPlan;
  readonly generation: number;
  readonly blocks: number;
}

export type CommitImportResult =
  | { readonly ok: true; readonly generation: number; readonly summary: CreditorImportSummary }
  | { readonly ok: false; readonly message: string };

export type CreditorSaveResult =
  | { readonly ok: true; readonly cid: string; readonly warnings: readonly string[] }
  /** `permission`: the signed-in user may not make this change (role or four eyes); audited. */
  | { readonly ok: false; readonly errors: Partial<Record<CreditorDraftField | 'permission', string>> };

/** A case's register as the register page holds it: by columns, with where each row is stored. */
export interface LoadedRegister {
  readonly caseId: string;
  readonly generation: number;
  readonly columns: ColumnarRegister;
  /** The seq of each block in load order (columns.blockStarts gives their rows). */
  readonly seqs: readonly number[];
  /** The register pointer's updatedAt as read (a verification checks the page's register is still the stored one). */
  readonly updatedAt?: string;
}

export type CreditorExportKind = 'full' | 'public' | 'problems';

/** Plans whose creditors were let go while their blocks were written (CommitImportControl.release). */
const releasedPlans = new WeakSet<CreditorImportPlan>();
const RELEASED_MESSAGE = '本次导入的名单数据已写出，写入的数据已被删除（取消或出错），无法再次写入：请重新点击“校验”后再导入。';

/** Whether a plan's creditors were let go while its blocks were written ahead (it can be committed only with those blocks). */
export function planReleased(plan: CreditorImportPlan): boolean {
  return releasedPlans.has(plan);
}

/** Blocks read per request when the register page loads a register: 20,000 creditors as objects at a time. */
const BLOCKS_PER_READ = 20;

/** Blocks written per transaction during an import: few fsyncs, yet progress moves. */
const BLOCKS_PER_TRANSACTION = 50;

const blockId = (caseId: string, generation: number, seq: number) => `${caseId}#${generation}#${seq}`;

export class CreditorRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private get registers() {
    return this.ctx.db.table<CreditorRegisterRow, string>('creditorRegisters');
  }

  /** The case's current creditors in register order (empty when none were imported). */
  async loadCase(caseId: string): Promise<StoredCreditor[]> {
    const { db } = this.ctx;
    return db.transaction('r', [db.creditorBlocks, this.registers], async () => {
      const pointer = await this.registers.get(caseId);
      if (!pointer) return [];
      return flatten(await this.blocksOf(caseId, pointer.generation));
    });
  }

  /**
   * The case's register by columns for the register page (issue 17: a million creditors as objects
   * took ~550 MB of the page's heap; by columns ~100 MB). The first block is handed over as soon as
   * it is read (the first screen of the table), then the whole register is read a few blocks at a
   * time into the columns, each block dropped once taken, in one transaction (one generation).
   * Null when nothing was imported.
   */
  async loadColumns(
    caseId: string,
    onFirstBlock?: (first: LoadedRegister, summary: CreditorRegisterSummary) => void,
    wholeAfter?: Promise<unknown>,
  ): Promise<LoadedRegister | null> {
    const { db } = this.ctx;
    if (onFirstBlock) {
      const first = await db.transaction('r', [db.creditorBlocks, this.registers], async () => {
        const pointer = await this.registers.get(caseId);
        if (!pointer) return null;
        const block = await db.creditorBlocks.get(blockId(caseId, pointer.generation, 0));
        return { pointer, stored: block !== undefined, creditors: block?.creditors ?? [] };
      });
      if (!first) return null;
      // A register of one block is all here: no second read.
      if (first.pointer.count === first.creditors.length) {
        const builder = new ColumnarRegisterBuilder(first.creditors.length);
        builder.add(first.creditors);
        return { caseId, generation: first.pointer.generation, columns: builder.finish(), seqs: first.stored ? [0] : [], updatedAt: first.pointer.updatedAt };
      }
      if (first.pointer.count > first.creditors.length) {
        const builder = new ColumnarRegisterBuilder(first.creditors.length);
        builder.add(first.creditors);
        onFirstBlock({ caseId, generation: first.pointer.generation, columns: builder.finish(), seqs: [0] }, toSummary(first.pointer));
        // Decoding the whole register occupies the page's thread (~0.4 s at 100k creditors): let the
        // first screen paint before it starts.
        await afterNextPaint();
      }
    }
    // Right after an import the worker that wrote the register is still ending: its memory goes
    // back before the whole register is read (the first screen above did not wait for it).
    if (wholeAfter) await wholeAfter.catch(() => undefined);
    return db.transaction('r', [db.creditorBlocks, this.registers], async () => {
      const pointer = await this.registers.get(caseId);
      if (!pointer) return null;
      const { generation } = pointer;
      const keys = (await db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).primaryKeys()) as string[];
      const seqs = keys.map((k) => Number(k.slice(k.lastIndexOf('#') + 1))).sort((a, b) => a - b);
      const builder = new ColumnarRegisterBuilder(pointer.count);
      for (let at = 0; at < seqs.length; at += BLOCKS_PER_READ) {
        const batch = seqs.slice(at, at + BLOCKS_PER_READ);
        const blocks = await db.creditorBlocks.bulkGet(batch.map((seq) => blockId(caseId, generation, seq)));
        for (const block of blocks) builder.add(block?.creditors ?? []);
      }
      return { caseId, generation, columns: builder.finish(), seqs, updatedAt: pointer.updatedAt };
    });
  }

  /**
   * The full stored record of row `index` of a loaded register (contracts, address, bank, review),
   * read from its block; null when the register changed since it was loaded.
   */
  async creditorAt(loaded: LoadedRegister, index: number): Promise<StoredCreditor | null> {
    if (index < 0 || index >= loaded.columns.count) return null;
    const { block, offset } = blockOfRow(loaded.columns, index);
    const seq = loaded.seqs[block];
    if (seq === undefined) return null;
    const row = await this.ctx.db.creditorBlocks.get(blockId(loaded.caseId, loaded.generation, seq));
    const creditor = row?.creditors[offset];
    return creditor && creditor.cid === entryOf(loaded.columns.cids, index) ? creditor : null;
  }

  /**
   * One creditor of the case's current register by cid, without reading the register (issue 17: a
   * page that needs one creditor read a million). Cids are handed out in register order (an import
   * appends its new creditors, a hand-added one goes last), so the block is found by halving on the
   * blocks' first and last cids, ~10 block reads at a million; a register whose order is not the
   * cids' (a replacing import keeps the file's order) is then read a few blocks at a time until it
   * is found. Null when the case has no register or no such creditor.
   */
  async findCreditor(caseId: string, cid: string): Promise<StoredCreditor | null> {
    const { db } = this.ctx;
    return db.transaction('r', [db.creditorBlocks, this.registers], async () => {
      const pointer = await this.registers.get(caseId);
      if (!pointer) return null;
      const { generation } = pointer;
      const seqs = await this.seqsOf(caseId, generation);
      const read = new Set<number>();
      const wanted = Number(cid);
      let lo = 0;
      let hi = seqs.length - 1;
      while (Number.isFinite(wanted) && lo <= hi) {
        const mid = (lo + hi) >> 1;
        read.add(mid);
        const creditors = (await db.creditorBlocks.get(blockId(caseId, generation, seqs[mid] as number)))?.creditors ?? [];
        const found = creditors.find((c) => c.cid === cid);
        if (found) return found;
        const first = Number(creditors[0]?.cid);
        const last = Number(creditors[creditors.length - 1]?.cid);
        if (!(first <= last)) break;
        if (wanted < first) hi = mid - 1;
        else if (wanted > last) lo = mid + 1;
        else break;
      }
      const rest = seqs.filter((_, at) => !read.has(at));
      for (let at = 0; at < rest.length; at += BLOCKS_PER_READ) {
        const blocks = await db.creditorBlocks.bulkGet(rest.slice(at, at + BLOCKS_PER_READ).map((seq) => blockId(caseId, generation, seq)));
        for (const block of blocks) {
          const found = block?.creditors.find((c) => c.cid === cid);
          if (found) return found;
        }
      }
      return null;
    });
  }

  /**
   * Hands the case's current register to `visit` a few blocks at a time, in register order, each
   * step read in its own short transaction with a pause between steps for the page's frames (issue
   * 17: pages that need every creditor once, e.g. the refund notices, never hold them all). Fails
   * with a message when the register is replaced or edited meanwhile (no mix of two registers);
   * `signal` cancels between steps. Returns the number of creditors visited (0 without a register).
   */
  async scanCase(caseId: string, visit: (creditors: readonly StoredCreditor[], blocksDone: number, blocksTotal: number) => void | Promise<void>, signal?: AbortSignal): Promise<number> {
    const { db } = this.ctx;
    const start = await db.transaction('r', [db.creditorBlocks, this.registers], async () => {
      const pointer = await this.registers.get(caseId);
      return pointer ? { pointer, seqs: await this.seqsOf(caseId, pointer.generation) } : null;
    });
    if (!start) return 0;
    const { pointer, seqs } = start;
    let visited = 0;
    for (let at = 0; at < seqs.length; at += BLOCKS_PER_READ) {
      signal?.throwIfAborted();
      const blocks = await db.transaction('r', [db.creditorBlocks, this.registers], async () => {
        const now = await this.registers.get(caseId);
        if (now?.generation !== pointer.generation || now.updatedAt !== pointer.updatedAt || now.count !== pointer.count) return null;
        return db.creditorBlocks.bulkGet(seqs.slice(at, at + BLOCKS_PER_READ).map((seq) => blockId(caseId, pointer.generation, seq)));
      });
      if (!blocks) throw new Error('读取期间本案的集资参与人名单已被修改（导入或编辑），请重新操作。');
      const creditors: StoredCreditor[] = [];
      for (const block of blocks) if (block) for (const c of block.creditors) creditors.push(c);
      visited += creditors.length;
      await visit(creditors, Math.min(seqs.length, at + BLOCKS_PER_READ), seqs.length);
      // Let the page paint (and a cancel arrive) before the next step.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    signal?.throwIfAborted();
    return visited;
  }

  async summary(caseId: string): Promise<CreditorRegisterSummary | null> {
    const row = await this.registers.get(caseId);
    return row ? toSummary(row) : null;
  }

  async listSummaries(): Promise<CreditorRegisterSummary[]> {
    return (await this.registers.toArray()).map(toSummary);
  }

  /** Earlier imports of the same file into this case (the wizard warns before a second import). */
  async importsWithHash(caseId: string, fileHash: string): Promise<CreditorImportRow[]> {
    const rows = await this.ctx.db.creditorImports.where('fileHash').equals(fileHash).toArray();
    return rows.filter((r) => r.caseId === caseId);
  }

  async listImports(caseId: string): Promise<CreditorImportRow[]> {
    const rows = await this.ctx.db.creditorImports.where('caseId').equals(caseId).toArray();
    return rows.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }

  /**
   * Merges imported creditors into the case's register, without writing: conflicts with the
   * register (same ID, other name) come back as refused rows for the report shown before commit.
   * The `imported` creditors are taken over by the plan (the import's columns, or objects).
   */
  async planImport(caseId: string, imported: ImportedCreditors | readonly Creditor[], options: PlanOptions = {}): Promise<CreditorImportPlan> {
    const actor = await requirePermission(this.ctx, 'creditors.write', { entity: 'creditors', entityId: caseId, details: { what: 'import' } });
    const { db } = this.ctx;
    const [pointer, existing] = await db.transaction('r', [db.creditorBlocks, this.registers], async () => {
      const p = await this.registers.get(caseId);
      return [p, p ? flatten(await this.blocksOf(caseId, p.generation)) : []] as const;
    });
    if (options.mode === 'replace') {
      // Refunds are recorded against creditors' cids: a register money was paid or approved from
      // is corrected person by person, never swapped as a whole.
      const batches = await db.repaymentBatches.where('caseId').equals(caseId).toArray();
      const used = batches.filter((b) => b.status !== 'draft');
      if (used.length > 0) {
        throw new Error(
          `本案已有 ${used.length} 个已审批或已支付的清退批次（第 ${used.map((b) => b.number).join('、')} 批），清退记录按参与人对应，名单不能整体替换。请改为并入本案名单，或在名单中逐个修改参与人。`,
        );
      }
    }
    // Merging into a verified creditor records the importing user as the one who changed it.
    const by = actor.kind === 'user' ? actorPerson(actor) : null;
    return planCreditorImport(caseId, pointer?.generation ?? null, existing, imported, pointer?.nextCid ?? 1, by, this.ctx.now().toISOString(), options);
  }

  /**
   * Writes a plan's creditors as a new generation of blocks that no reader sees yet (the pointer
   * still names the current one), so the import worker can do the slow part while the user reads
   * the validation report. Only commitImport with the result makes them the register;
   * discardImportBlocks (or cleanupOrphans, run at start) removes them. Cancelling deletes the
   * blocks written so far.
   */
  async writeImportBlocks(plan: CreditorImportPlan, control: CommitImportControl = {}): Promise<ImportBlocks> {
    // Other orphans are left alone: another window's blocks written ahead may be among them, and
    // keeping them keeps their generation numbers from being handed out again.
    return this.writeGeneration(plan, control, false);
  }

  private async writeGeneration(plan: CreditorImportPlan, control: CommitImportControl, cleanFirst: boolean): Promise<ImportBlocks> {
    const { caseId } = plan;
    if (cleanFirst) await this.cleanupOrphans(caseId);
    const generation = await this.nextGeneration(caseId);
    if (releasedPlans.has(plan)) throw new Error(RELEASED_MESSAGE);
    const blocks = Math.ceil(plan.creditors.length / CREDITOR_BLOCK_SIZE);
    let written = 0;
    try {
      for (let seq = 0; seq < blocks; seq += BLOCKS_PER_TRANSACTION) {
        control.signal?.throwIfAborted();
        const end = Math.min(blocks, seq + BLOCKS_PER_TRANSACTION);
        // Each block's creditors are made (from the import's columns) and put, which copies them
        // (structured clone), before the next block's are made: only one block of objects is alive
        // at a time, so they die young instead of 50 blocks' worth outliving each transaction.
        const done = this.writeBlocks(seq, end, (s) => ({
          id: blockId(caseId, generation, s),
          caseId,
          generation,
          seq: s,
          creditors: plan.creditors.slice(s * CREDITOR_BLOCK_SIZE, (s + 1) * CREDITOR_BLOCK_SIZE),
        }), () => {
          if (!control.release) return;
          releasedPlans.add(plan);
          plan.creditors.release(end * CREDITOR_BLOCK_SIZE);
        });
        await done;
        written += end - seq;
        control.onProgress?.(written, blocks);
      }
      control.signal?.throwIfAborted();
    } catch (err) {
      // On a full disk the clean-up may fail too; the write's own error is the one to report, and
      // the blocks left are orphans that the next start removes.
      await this.deleteUnlessCurrent(caseId, generation).catch(() => undefined);
      throw err;
    }
    return { plan, generation, blocks };
  }

  /** Removes blocks written ahead by writeImportBlocks that will not be committed. */
  async discardImportBlocks(written: ImportBlocks): Promise<void> {
    await this.deleteUnlessCurrent(written.plan.caseId, written.generation);
  }

  /**
   * Stores a plan: the new generation's blocks in several transactions (or those already written
   * for this plan by writeImportBlocks), then one transaction that flips the pointer, records the
   * import and appends the audit entry. Refused (nothing changes) when the register changed since
   * the plan was made or a block is missing. Cancelling deletes the blocks written.
   */
  async commitImport(
    plan: CreditorImportPlan,
    file: CreditorImportFile,
    control: CommitImportControl = {},
    written?: ImportBlocks,
  ): Promise<CommitImportResult> {
    const { db } = this.ctx;
    const { caseId } = plan;
    if (written && written.plan !== plan) throw new Error('blocks written for another plan');
    const { generation, blocks } = written ?? (await this.writeGeneration(plan, control, true));
    if (control.signal?.aborted) {
      await this.deleteUnlessCurrent(caseId, generation);
      control.signal.throwIfAborted();
    }
    const now = this.ctx.now();
    const summary: CreditorImportSummary = {
      sheetName: file.sheetName,
      dataRows: file.dataRows,
      okRows: file.okRows,
      warningRows: file.warningRows,
      errorRows: file.errorRows,
      conflictRows: plan.conflicts.length,
      newCreditors: plan.newCreditors,
      mergedCreditors: plan.mergedCreditors,
      ...plan.totals,
      ...(plan.mode === 'replace' ? { mode: 'replace' as const, removedCreditors: plan.removedCreditors } : {}),
      ...(plan.repeats.length > 0 ? { repeatedRows: plan.repeats.length, repeatsAdded: plan.repeatsAdded } : {}),
    };
    const pointer: CreditorRegisterRow = {
      caseId,
      generation,
      count: plan.creditors.length,
      totals: plan.totals,
      nextCid: plan.nextCid,
      updatedAt: now.toISOString(),
    };
    const flipped = await db.transaction('rw', [db.creditorBlocks, this.registers, db.creditorImports, db.audit, db.settings], async () => {
      const allowed = await authorizeIn(db, 'creditors.write', { entity: 'creditors', entityId: caseId, details: { what: 'import', fileName: file.fileName } }, now);
      if (!allowed.ok) return allowed.message;
      // The plan marked changes as this user's: another user signed in since may not commit it.
      if ((plan.plannedBy?.id ?? null) !== (allowed.actor.kind === 'user' ? allowed.actor.id : null)) {
        return '校验之后更换了登录用户：请重新校验后再导入（核实后被修改的参与人要记在导入人名下）。';
      }
      const before = await this.registers.get(caseId);
      if ((before?.generation ?? null) !== plan.baseGeneration) return false;
      // Every block of the new generation must be there before the pointer names it.
      const stored = await db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).count();
      if (stored !== blocks) return false;
      await this.registers.put(pointer);
      const importId = this.ctx.newId();
      await db.creditorImports.add({ id: importId, caseId, fileName: file.fileName, fileHash: file.fileHash, importedAt: now.toISOString(), summary });
      await appendAudit(
        db,
        {
          action: 'import',
          entity: 'creditors',
          entityId: caseId,
          before: before ? { generation: before.generation, count: before.count, totals: before.totals } : null,
          after: {
            ...(plan.mode === 'replace' ? { what: 'replace-register' } : {}),
            fileName: file.fileName,
            count: pointer.count,
            generation,
            importId,
            fileHash: file.fileHash,
            summary,
          },
        },
        now,
      );
      return true;
    });
    if (flipped !== true) {
      await this.deleteUnlessCurrent(caseId, generation);
      if (typeof flipped === 'string') return { ok: false, message: flipped };
      return { ok: false, message: '导入期间本案的参与人名单已被修改（可能在另一窗口中），或写入的数据不完整，本次导入未生效，名单保持原样。请重新选择文件导入。' };
    }
    // The replaced generation is an orphan now; if the app stops here, the next start removes it.
    await this.cleanupOrphans(caseId);
    return { ok: true, generation, summary };
  }

  /**
   * Deletes blocks not named by their case's pointer: unfinished imports and replaced generations.
   * Without caseId, for every case (run at start). Returns the number of blocks deleted.
   */
  async cleanupOrphans(caseId?: string): Promise<number> {
    const { db } = this.ctx;
    // One case: only its own keys (the index range of that case), not every block of the store.
    const range = caseId === undefined ? db.creditorBlocks.orderBy('[caseId+generation]') : db.creditorBlocks.where('[caseId+generation]').between([caseId, -Infinity], [caseId, Infinity]);
    const keys = (await range.uniqueKeys()) as unknown as [string, number][];
    let deleted = 0;
    for (const [c, generation] of keys) {
      if (caseId !== undefined && c !== caseId) continue;
      const pointer = await this.registers.get(c);
      if (pointer?.generation === generation) continue;
      deleted += await this.deleteGeneration(c, generation);
    }
    return deleted;
  }

  /** Adds (cid null) or edits one creditor: validated like an import row; one audited transaction. */
  async save(caseId: string, cid: string | null, draft: CreditorDraft): Promise<CreditorSaveResult> {
    const now = this.ctx.now();
    const checked = validateCreditorDraft(draft, localIsoDate(now));
    if (!checked.ok) return checked;
    const { warnings, ...v } = checked.value;
    const { db } = this.ctx;
    return db.transaction('rw', [db.creditorBlocks, this.registers, db.audit, db.settings], async () => {
      const pointer = await this.registers.get(caseId);
      const generation = pointer?.generation ?? (await this.nextGeneration(caseId));
      const blocks = pointer ? await this.blocksOf(caseId, generation) : [];
      const key = creditorKey(v.idType, v.idNumber);
      let target: { block: CreditorBlockRow; index: number } | null = null;
      for (const block of blocks) {
        block.creditors.forEach((c, index) => {
          if (c.cid === cid) target = { block, index };
        });
        const clash = block.creditors.find((c) => c.cid !== cid && creditorKey(c.idType, c.idNumber) === key);
        if (clash) {
          return {
            ok: false as const,
            errors: { idNumber: `证件号码：${v.idNumber} 已登记为“${clash.name}”。同一证件号码只能对应一人：如为同一人，请在其名下添加投资记录。` },
          };
        }
      }
      const found = target as { block: CreditorBlockRow; index: number } | null;
      if (cid !== null && !found) {
        return { ok: false as const, errors: { name: '该参与人已不在本案名单中（可能已被新的导入替换），请刷新名单后重试。' } };
      }
      const nextCid = pointer?.nextCid ?? 1;
      const before = found ? (found.block.creditors[found.index] ?? null) : null;
      const wanted: StoredCreditor = { ...compact(v), cid: cid ?? String(nextCid) };
      // The form has no 存疑 reason: an edit that keeps 存疑 keeps the reason given with it.
      if (before?.statusNote && before.status === '存疑' && v.status === '存疑') wanted.statusNote = before.statusNote;
      if (before?.fileStatus) wanted.fileStatus = before.fileStatus;
      const reviewed = await this.applyReview(caseId, before, wanted, now);
      if (!reviewed.ok) return reviewed;
      const stored = reviewed.creditor;
      if (reviewed.warning) warnings.push(reviewed.warning);
      let block: CreditorBlockRow;
      if (found) {
        const creditors = found.block.creditors.slice();
        creditors[found.index] = stored;
        block = { ...found.block, creditors };
      } else {
        const last = blocks[blocks.length - 1];
        block =
          last && last.creditors.length < CREDITOR_BLOCK_SIZE
            ? { ...last, creditors: [...last.creditors, stored] }
            : { id: blockId(caseId, generation, blocks.length), caseId, generation, seq: blocks.length, creditors: [stored] };
      }
      await db.creditorBlocks.put(block);
      const all = flatten(blocks.map((b) => (b.id === block.id ? block : b)));
      if (!blocks.some((b) => b.id === block.id)) all.push(...block.creditors);
      await this.registers.put({
        caseId,
        generation,
        count: all.length,
        totals: registerTotals(all),
        nextCid: cid === null ? nextCid + 1 : nextCid,
        updatedAt: now.toISOString(),
      });
      await appendAudit(
        db,
        { action: before ? 'update' : 'create', entity: 'creditors', entityId: `${caseId}/${stored.cid}`, before, after: stored },
        now,
      );
      return { ok: true as const, cid: stored.cid, warnings };
    });
  }

  /**
   * Verification decisions for one creditor or many (核实), by a 审核 user; all or nothing, one
   * audit entry per action. See creditor-verification.ts.
   */
  setVerification(caseId: string, cids: readonly string[], decision: VerificationDecision, basis?: VerificationBasis): Promise<VerificationResult> {
    return setVerification(this.ctx, caseId, cids, decision, basis);
  }

  /**
   * Inside save's transaction: the roles an edit needs (data: 经办; status or exclusion: 审核), and
   * its effect on verification (a verified creditor's account or net claim changed goes back to
   * 待核实; a verification by one who changed it is refused). Refusals are audited there.
   */
  private async applyReview(
    caseId: string,
    before: StoredCreditor | null,
    wanted: StoredCreditor,
    now: Date,
  ): Promise<{ ok: true; creditor: StoredCreditor; warning: string | null } | { ok: false; errors: { permission?: string; status?: string } }> {
    const { db } = this.ctx;
    const attempt = { entity: 'creditors', entityId: `${caseId}/${wanted.cid}`, details: { name: wanted.name } };
    const kinds = editKinds(before, wanted);
    for (const [needed, permission] of [
      [kinds.data, 'creditors.write'],
      [kinds.verification, 'creditors.verify'],
    ] as const) {
      if (!needed) continue;
      const decision = await authorizeIn(db, permission, attempt, now);
      if (!decision.ok) return { ok: false, errors: { permission: decision.message } };
    }
    const actor = await currentActor(db);
    const person = actor.kind === 'user' ? actorPerson(actor) : null;
    if (!person) return { ok: true, creditor: wanted, warning: null };
    const policy = (await readAccess(db))?.policy ?? DEFAULT_POLICY;
    const outcome = reviewEdit(before, wanted, person, policy, now.toISOString());
    if (!outcome.ok) {
      await auditRefusal(db, attempt, outcome.message, now, 'creditors.verify');
      return { ok: false, errors: { status: `核实状态：${outcome.message}` } };
    }
    const warning = outcome.sentBack ? '银行账号或核定清退基数在核实后被修改，已改为“待核实”，须由修改人以外的人重新核实。' : null;
    return { ok: true, creditor: { ...outcome.creditor, cid: wanted.cid }, warning };
  }

  /** Showing one creditor's personal data in full is deliberate and leaves a trace. */
  async recordReveal(caseId: string, creditor: StoredCreditor): Promise<void> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'creditors', entityId: `${caseId}/${creditor.cid}`, details: { caseId, cid: creditor.cid, name: creditor.name } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(
        db,
        { action: 'reveal', entity: 'creditors', entityId: `${caseId}/${creditor.cid}`, before: null, after: { caseId, cid: creditor.cid, name: creditor.name } },
        this.ctx.now(),
      ),
    );
  }

  /** Every export leaves the file name and hash; `full` exports carry personal data in full. */
  async recordExport(caseId: string, kind: CreditorExportKind, fileName: string, fileHash: string, rows: number): Promise<void> {
    if (kind !== 'public') await this.mayExport(caseId, kind);
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(
        db,
        { action: 'export', entity: 'creditors', entityId: caseId, before: null, after: { kind, fileName, fileHash, rows, personalData: kind !== 'public' } },
        this.ctx.now(),
      ),
    );
  }

  /**
   * Before a file with personal data is built (full register, problem rows): refused and audited
   * unless the signed-in user may export personal data. The public notice is masked and needs no check.
   */
  async mayExport(caseId: string, kind: CreditorExportKind): Promise<void> {
    await requirePermission(this.ctx, 'personal.export', { entity: 'creditors', entityId: caseId, details: { kind } });
  }

  /**
   * Writes blocks of a generation no reader sees yet. 'relaxed' durability: such a write need not
   * reach the disk before the next one starts; the pointer flip that makes them visible is a
   * 'strict' transaction that comes after them in the same database log, so it is durable only with
   * them. (Dexie sets durability per database, so this one transaction goes to IndexedDB directly.)
   */
  private async writeBlocks(from: number, to: number, blockAt: (seq: number) => CreditorBlockRow, afterPuts: () => void): Promise<void> {
    const { db } = this.ctx;
    if (!db.isOpen()) await db.open();
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['creditorBlocks'], 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('creditorBlocks');
      try {
        // Each block is made only when it is put (the put copies it), so it can be let go at once.
        for (let seq = from; seq < to; seq++) store.put(blockAt(seq));
        afterPuts();
      } catch (err) {
        tx.abort();
        throw err;
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new DOMException('block write aborted', 'AbortError'));
    });
  }

  /**
   * A generation's blocks in order, read `BLOCKS_PER_READ` at a time (in the caller's transaction):
   * a million creditors in one getAll came back as one reply of ~1,000 large values, which held the
   * renderer's message handling long enough to delay the page's frames (issue 17, the repayment
   * worker's reads); pieces of 20 blocks let the frames through between them. Same rows, same order.
   */
  private async blocksOf(caseId: string, generation: number): Promise<CreditorBlockRow[]> {
    const { db } = this.ctx;
    const keys = await db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).primaryKeys();
    const blocks: CreditorBlockRow[] = [];
    for (let at = 0; at < keys.length; at += BLOCKS_PER_READ) {
      for (const block of await db.creditorBlocks.bulkGet(keys.slice(at, at + BLOCKS_PER_READ))) if (block) blocks.push(block);
    }
    return blocks.sort((a, b) => a.seq - b.seq);
  }

  /** The seqs of a generation's blocks, ascending (keys only: no block is read). */
  private async seqsOf(caseId: string, generation: number): Promise<number[]> {
    const keys = (await this.ctx.db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).primaryKeys()) as string[];
    return keys.map((k) => Number(k.slice(k.lastIndexOf('#') + 1))).sort((a, b) => a - b);
  }

  private async nextGeneration(caseId: string): Promise<number> {
    const { db } = this.ctx;
    const pointer = await this.registers.get(caseId);
    const keys = (await db.creditorBlocks
      .where('[caseId+generation]')
      .between([caseId, -Infinity], [caseId, Infinity])
      .uniqueKeys()) as unknown as [string, number][];
    return Math.max(pointer?.generation ?? 0, ...keys.map((k) => k[1])) + 1;
  }

  /**
   * Deletes a generation this import wrote, unless the case's pointer names it: a generation
   * number freed by a cleanup can be handed out again, and the register must never be the one
   * removed.
   */
  private async deleteUnlessCurrent(caseId: string, generation: number): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.creditorBlocks, this.registers], async () => {
      const pointer = await this.registers.get(caseId);
      if (pointer?.generation === generation) return;
      await db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).delete();
    });
  }

  private async deleteGeneration(caseId: string, generation: number): Promise<number> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.creditorBlocks], () => db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).delete());
  }
}

/**
 * Resolves after the next frame is painted. On a loaded PC a frame can take several hundred ms, and
 * starting the whole register's decode before it would hold the first screen back by the decode
 * (issue 17: 2.2 s under load), so the wait is for the frame itself; only a hidden window, which
 * paints no frames, goes on at once, and a frame that never comes (throttled) after 1 s.
 */
function afterNextPaint(): Promise<void> {
  const raf = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame;
  const hidden = (globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'hidden';
  return new Promise((resolve) => {
    if (!raf || hidden) {
      setTimeout(resolve, 0);
      return;
    }
    const timer = setTimeout(resolve, 1000);
    // A task queued from a frame callback runs once that frame has been painted.
    raf(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

function flatten(blocks: readonly CreditorBlockRow[]): StoredCreditor[] {
  const out: StoredCreditor[] = [];
  for (const b of blocks) for (const c of b.creditors) out.push(c);
  return out;
}

function toSummary(row: CreditorRegisterRow): CreditorRegisterSummary {
  return { caseId: row.caseId, generation: row.generation, count: row.count, totals: row.totals, updatedAt: row.updatedAt };
}

/** Optional contact fields are left out when empty, as the import stores them. */
function compact(v: Omit<ValidCreditorValues, 'warnings'>): Creditor {
  const c: Creditor = {
    name: v.name,
    idType: v.idType,
    idNumber: v.idNumber,
    contracts: v.contracts,
    principalFen: v.principalFen,
    returnedFen: v.returnedFen,
    netClaimFen: v.netClaimFen,
    status: v.status,
    exclusion: v.exclusion,
  };
  if (v.phone) c.phone = v.phone;
  if (v.address) c.address = v.address;
  if (v.bankName) c.bankName = v.bankName;
  if (v.bankAccount) c.bankAccount = v.bankAccount;
  return c;
}
