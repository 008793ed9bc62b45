import { Dexie, type Table } from 'dexie';
import type { Advert } from '../core/clues/adverts';
import type { Reward } from '../core/clues/reward';
import type { RiskNotice } from '../core/clues/risk-notices';
import type { Clue, ClueReporter } from '../core/clues/types';
import type { Migration } from './migrations/migration';
import type {
  AdvertActionRow,
  AdvertImportRow,
  AllocationBlockRow,
  AttachmentRow,
  AuditEntry,
  CaseFile,
  CaseParty,
  ClueCounterRow,
  CreditorBlockRow,
  CreditorImportRow,
  CreditorRegisterRow,
  DocumentCounterRow,
  DocumentRow,
  DocumentTemplateRow,
  ExchangeOfficeRow,
  ExchangePackageRow,
  ExchangeRecordBlockRow,
  FigureFactsRow,
  FundReceiptRow,
  MediationSessionRow,
  PaymentResultRow,
  PetitionCounterRow,
  PetitionRow,
  RepaymentBatchRow,
  RepaymentPlanRow,
  SettingsRow,
  UserRow,
} from './records';
import { assertMigrationsInOrder, MIGRATIONS } from './schema';
import type {
  FirmDispositionRow,
  FirmImportRow,
  FirmRow,
  KeywordCheckRow,
  RiskLedgerRow,
  ScreeningRecordRow,
  ScreeningRoundRow,
  ScreeningScanRow,
} from './screening-rows';

/**
 * The IndexedDB database name. Never change it: the data of every office is stored under it (and
 * under the app:// origin the Electron shell serves), and a new name would strand all of it.
 */
export const DATABASE_NAME = 'chufei-workstation';

export class WorkstationDb extends Dexie {
  settings!: Table<SettingsRow, string>;
  cases!: Table<CaseFile, string>;
  parties!: Table<CaseParty, string>;
  creditorBlocks!: Table<CreditorBlockRow, string>;
  /** Since version 2: per case, the generation of creditorBlocks that is current. */
  creditorRegisters!: Table<CreditorRegisterRow, string>;
  creditorImports!: Table<CreditorImportRow, string>;
  repaymentPlans!: Table<RepaymentPlanRow, string>;
  fundReceipts!: Table<FundReceiptRow, string>;
  repaymentBatches!: Table<RepaymentBatchRow, string>;
  allocationBlocks!: Table<AllocationBlockRow, string>;
  paymentResults!: Table<PaymentResultRow, string>;
  petitions!: Table<PetitionRow, string>;
  mediationSessions!: Table<MediationSessionRow, string>;
  /** Since version 7: the next 信访件编号 per year of receipt. */
  petitionCounters!: Table<PetitionCounterRow, string>;
  documents!: Table<DocumentRow, string>;
  documentCounters!: Table<DocumentCounterRow, string>;
  documentTemplates!: Table<DocumentTemplateRow, string>;
  attachments!: Table<AttachmentRow, string>;
  /** Since version 8: refund facts per case for the dashboard (a cache, see migrations/008). */
  figureFacts!: Table<FigureFactsRow, string>;
  /** Since version 5 (issue 15): clues, reporters kept apart, rewards, adverts, risk notices. */
  clues!: Table<Clue, string>;
  clueReporters!: Table<ClueReporter, string>;
  clueCounters!: Table<ClueCounterRow, string>;
  clueRewards!: Table<Reward, string>;
  adverts!: Table<Advert, string>;
  advertImports!: Table<AdvertImportRow, string>;
  advertActions!: Table<AdvertActionRow, string>;
  riskNotices!: Table<RiskNotice, string>;
  audit!: Table<AuditEntry, number>;
  /** Since version 4: the screening ledger of firms and what is recorded about them (排查). */
  firms!: Table<FirmRow, string>;
  screeningRounds!: Table<ScreeningRoundRow, string>;
  screeningRecords!: Table<ScreeningRecordRow, string>;
  firmDispositions!: Table<FirmDispositionRow, string>;
  riskLedger!: Table<RiskLedgerRow, string>;
  screeningScans!: Table<ScreeningScanRow, string>;
  keywordChecks!: Table<KeywordCheckRow, string>;
  firmImports!: Table<FirmImportRow, string>;
  /** Since version 3: users of this PC with roles and passphrase hashes (see db/session.ts). */
  users!: Table<UserRow, string>;
  /** Since version 6: exchange packages between offices (报送, see migrations/006). */
  exchangeOffices!: Table<ExchangeOfficeRow, string>;
  exchangePackages!: Table<ExchangePackageRow, string>;
  /** Since version 9 (migration 009): received records, up to 1,000 of one office and kind per row. */
  exchangeRecordBlocks!: Table<ExchangeRecordBlockRow, string>;

  constructor(name: string = DATABASE_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    // 'strict' durability: a write is on disk when its transaction completes, not merely queued;
    // case data is the office's only copy.
    super(name, { chromeTransactionDurability: 'strict' });
    assertMigrationsInOrder(migrations);
    for (const m of migrations) {
      const version = this.version(m.version).stores(m.stores);
      if (m.upgrade) version.upgrade(m.upgrade);
    }
  }
}
