import type { WorkstationDb } from '../database';
import { createRepositoryContext, type RepositoryContext } from '../repository-context';
import { AuditRepository } from './audit-repository';
import { CaseRepository } from './case-repository';
import { ClueRepository } from './clue-repository';
import { CreditorRepository } from './creditor-repository';
import { DocumentRepository } from './document-repository';
import { ExchangeRepository } from './exchange-repository';
import { FigureRepository } from './figure-repository';
import { MonitoringRepository } from './monitoring-repository';
import { PetitionRepository } from './petition-repository';
import { RepaymentRepository } from './repayment-repository';
import { ScreeningRepository } from './screening-repository';
import { SettingsRepository } from './settings-repository';
import { UsersRepository } from './users-repository';

/** Every repository over one database: what the UI receives instead of the tables. */
export interface Repositories {
  readonly settings: SettingsRepository;
  readonly cases: CaseRepository;
  readonly audit: AuditRepository;
  readonly creditors: CreditorRepository;
  readonly petitions: PetitionRepository;
  readonly repayment: RepaymentRepository;
  readonly documents: DocumentRepository;
  readonly users: UsersRepository;
  readonly figures: FigureRepository;
  readonly exchange: ExchangeRepository;
  readonly clues: ClueRepository;
  readonly monitoring: MonitoringRepository;
  readonly screening: ScreeningRepository;
}

export function createRepositories(db: WorkstationDb, ctx: RepositoryContext = createRepositoryContext(db)): Repositories {
  return {
    settings: new SettingsRepository(ctx),
    cases: new CaseRepository(ctx),
    audit: new AuditRepository(ctx),
    creditors: new CreditorRepository(ctx),
    petitions: new PetitionRepository(ctx),
    repayment: new RepaymentRepository(ctx, new CreditorRepository(ctx)),
    documents: new DocumentRepository(ctx),
    users: new UsersRepository(ctx),
    figures: new FigureRepository(ctx, new CreditorRepository(ctx)),
    exchange: new ExchangeRepository(ctx, new CreditorRepository(ctx), new FigureRepository(ctx, new CreditorRepository(ctx)), new ClueRepository(ctx), new PetitionRepository(ctx)),
    clues: new ClueRepository(ctx),
    monitoring: new MonitoringRepository(ctx),
    screening: new ScreeningRepository(ctx),
  };
}
