// The 统计 dashboard's records input, read from the store (records-from-rows.ts shapes them), and the
// only writer of the refund facts cache (figureFacts). Reading is cheap whatever the office's size:
// cases, each register's count row, the period's petitions (by the receivedDate index), batch rows and
// one facts row per case; never the creditors or allocation lines, except to rebuild the facts of a
// changed case.
import type { Advert } from '../../core/clues/adverts';
import { monitoringRecords } from '../../core/clues/figure-records';
import type { FigurePetition, FigureRecords } from '../../core/figures/records';
import { PETITION_SETTINGS_SECTION, type PetitionSettingsSection } from '../../core/petitions/settings-section';
import { figureFirmsOf } from '../../core/screening/figure-firms';
import { appendAudit } from '../audit-writer';
import { appSettingsOf, assembleRecords, attachDistricts, refundFactsOf, refundFactsSignature } from '../figures/records-from-rows';
import type { AllocationLineRecord, FigureFactsRow, PetitionRow, RepaymentBatchRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { readBatchLines } from './allocation-block-reads';
import type { CreditorRepository } from './creditor-repository';

export interface LoadedFigureRecords {
  readonly records: FigureRecords;
  /** Cases whose refund facts are missing or out of date: refresh them, then load again. */
  readonly staleCases: readonly string[];
}

export class FigureRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly creditors: CreditorRepository,
  ) {}

  /**
   * Everything the figures need; petitions only those received within `petitionsReceived` (the
   * period and the same period a year before), as the petition figures read no others.
   */
  async load(petitionsReceived?: { readonly from: string; readonly to: string }): Promise<LoadedFigureRecords> {
    const [records, petitions, staleCases] = await Promise.all([this.loadWithoutPetitions(), this.petitionRows(petitionsReceived), this.staleRefundFacts()]);
    return { records: { ...records, petitions: attachDistricts(petitions, records) }, staleCases };
  }

  /**
   * The records without petitions (settings, cases, the last refund facts built): what the first
   * screen needs first. Petitions come from loadPetitions, staleness from staleRefundFacts.
   */
  async loadWithoutPetitions(): Promise<FigureRecords> {
    const { db } = this.ctx;
    const tables = [db.settings, db.cases, db.creditorRegisters, db.figureFacts, db.clues, db.clueRewards, db.adverts, db.advertActions, db.riskNotices, db.firms, db.screeningRecords, db.firmDispositions, db.riskLedger];
    return db.transaction('r', tables, async () => {
      const [app, section, cases, facts, registers] = await Promise.all([
        db.settings.get('app'),
        db.settings.get(PETITION_SETTINGS_SECTION),
        db.cases.toArray(),
        db.figureFacts.toArray(),
        // One small row per case (its count), never the creditors: 涉及人数 counts the register.
        db.creditorRegisters.toArray(),
      ]);
      const [clues, rewards, actions, notices] = await Promise.all([db.clues.toArray(), db.clueRewards.toArray(), db.advertActions.toArray(), db.riskNotices.toArray()]);
      const [firms, screenings, dispositions, risk] = await Promise.all([db.firms.toArray(), db.screeningRecords.toArray(), db.firmDispositions.toArray(), db.riskLedger.toArray()]);
      // Adverts can be hundreds of thousands: only the fields the figures read.
      const adverts: Pick<Advert, 'id' | 'date' | 'advertiserKey' | 'advertiser'>[] = [];
      await db.adverts.each((a) => {
        adverts.push({ id: a.id, date: a.date, advertiserKey: a.advertiserKey, advertiser: a.advertiser });
      });
      return assembleRecords({
        monitoring: monitoringRecords({ clues, rewards, adverts, actions, notices }),
        settings: appSettingsOf(app?.value),
        petitionSection: section?.value as Partial<PetitionSettingsSection> | undefined,
        cases,
        petitions: [],
        refunds: facts.map((f) => f.facts),
        firms: figureFirmsOf(firms, screenings, dispositions, risk),
        registers,
      });
    });
  }

  /**
   * Petitions received within the range (all when no range), by the receivedDate index, each with
   * the district of its linked case among `records.cases`.
   */
  async loadPetitions(received: { readonly from: string; readonly to: string } | undefined, records: FigureRecords): Promise<FigurePetition[]> {
    return attachDistricts(await this.petitionRows(received), records);
  }

  private petitionRows(received?: { readonly from: string; readonly to: string }): Promise<PetitionRow[]> {
    const { db } = this.ctx;
    return received ? db.petitions.where('receivedDate').between(received.from, received.to, true, true).toArray() : db.petitions.toArray();
  }

  /** Cases whose refund facts are missing or were built from rows that have changed since. */
  async staleRefundFacts(): Promise<string[]> {
    const { db } = this.ctx;
    return db.transaction('r', [db.repaymentPlans, db.repaymentBatches, db.creditorRegisters, db.figureFacts], async () => {
      const [plans, batches, registers, facts] = await Promise.all([
        db.repaymentPlans.toArray(),
        db.repaymentBatches.toArray(),
        db.creditorRegisters.toArray(),
        db.figureFacts.toArray(),
      ]);
      const batchesOf = groupBy(batches, (b) => b.caseId);
      const registerOf = new Map(registers.map((r) => [r.caseId, r]));
      const signatureOf = new Map(facts.map((f) => [f.caseId, f.signature]));
      const caseIds = new Set([...plans.map((p) => p.caseId), ...batchesOf.keys()]);
      return [...caseIds].filter((caseId) => signatureOf.get(caseId) !== refundFactsSignature(registerOf.get(caseId), batchesOf.get(caseId) ?? []));
    });
  }

  /**
   * Rebuilds the refund facts of the given cases from their registers and batches, and stores them
   * with one audit entry. Cases are read one at a time (a register may hold a million creditors).
   */
  async refreshRefundFacts(caseIds: readonly string[], onProgress?: (done: number, total: number) => void): Promise<number> {
    const { db } = this.ctx;
    const rows: FigureFactsRow[] = [];
    const builtAt = this.ctx.now().toISOString();
    for (const [i, caseId] of caseIds.entries()) {
      const [register, batches, creditors] = await Promise.all([
        db.creditorRegisters.get(caseId),
        db.repaymentBatches.where('caseId').equals(caseId).toArray(),
        this.creditors.loadCase(caseId),
      ]);
      const lines = new Map<string, AllocationLineRecord[]>();
      for (const b of batches.filter((x) => x.status !== 'draft')) lines.set(b.id, await this.batchLines(b));
      rows.push({
        caseId,
        signature: refundFactsSignature(register, batches),
        facts: refundFactsOf(caseId, creditors, batches, (id) => lines.get(id) ?? []),
        builtAt,
      });
      onProgress?.(i + 1, caseIds.length);
    }
    if (rows.length === 0) return 0;
    await db.transaction('rw', [db.figureFacts, db.audit, db.settings], async () => {
      await db.figureFacts.bulkPut(rows);
      await appendAudit(
        db,
        { action: 'update', entity: 'figureFacts', entityId: 'refunds', before: null, after: { rebuilt: rows.length, caseIds: rows.map((r) => r.caseId) } },
        this.ctx.now(),
      );
    });
    return rows.length;
  }

  /** Figures leave the office as a spreadsheet or a report: the export is recorded. */
  async recordExport(kind: 'figures-xlsx' | 'work-report', fileName: string, detail: Record<string, unknown>): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'export', entity: 'figures', entityId: kind, before: null, after: { fileName, ...detail } }, this.ctx.now()),
    );
  }

  /** A batch's lines, read in bounded steps (never one reply of a million lines). */
  private batchLines(batch: RepaymentBatchRow): Promise<AllocationLineRecord[]> {
    return readBatchLines(this.ctx.db, batch.id);
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
