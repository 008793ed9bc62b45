// What a district's 报送 package carries, built from its records as stored (pure: the database
// layer hands in plain rows). Personal data of persons (names and ID numbers of persons involved,
// petitioners, creditors; phones; bank accounts) is masked unless the user includes it on purpose;
// firms' names and credit codes are public and stay. Free text (demands, notes) is sent as written.
import { bytesToBase64 } from '../backup/base64';
import type { CaseFile, CaseParty } from '../cases/case-file';
import { maskAccount, maskIdNumber, maskName, maskPhone } from '../identity/mask';
import type { MediationSession, Petition, Petitioner } from '../petitions/types';
import type { RefundCaseFacts } from '../repayment/refund-facts';
import { caseRegisterCounts } from './register-counts';
import type { ExchangeRecord, PackageTotals, ReportPeriod } from './types';

/** A registered document as the registry lists it (文书登记), without the file. */
export interface DocumentRegistryEntry {
  readonly id: string;
  readonly caseId: string | null;
  readonly typeLabel: string;
  readonly number: string | null;
  readonly status: string;
  readonly issuedDate: string | null;
  readonly summary: string;
  readonly pdfSha256: string | null;
}

/** One creditor of an included register (集资参与人), as much as the city needs. */
export interface RegisterCreditor {
  readonly cid: string;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone?: string;
  readonly bankAccount?: string;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  readonly status: string;
}

/** A case's register as it goes in a package: already masked as the user chose. */
export interface PackageRegister {
  readonly caseId: string;
  readonly district: string | null;
  readonly creditors: readonly RegisterCreditor[];
}

export interface OfficeSource {
  readonly cases: readonly CaseFile[];
  readonly parties: readonly CaseParty[];
  readonly petitions: readonly Omit<Petition, 'mediationSessions'>[];
  readonly mediation: readonly MediationSession[];
  /** petition id of each mediation session, by session id. */
  readonly mediationPetition: ReadonlyMap<string, string>;
  readonly refunds: readonly RefundCaseFacts[];
  readonly documents: readonly DocumentRegistryEntry[];
  /** Registers chosen per case; absent cases send none. */
  readonly creditorRegisters: ReadonlyMap<string, readonly RegisterCreditor[]>;
  /**
   * How many 集资参与人 each case's register holds (its summary row's count), by case id; a case
   * without a register is absent. Sent for every case, register chosen or not (register-counts.ts).
   */
  readonly registerCounts: ReadonlyMap<string, number>;
  /**
   * Records of areas built later (排查, 线索监测 …), already in package form: an area adds its
   * builder where the source is read (db/exchange/office-source.ts) and its section in sections.ts.
   */
  readonly extra?: readonly ExchangeRecord[];
}

export interface BuiltRecords {
  readonly records: ExchangeRecord[];
  /** The chosen registers, masked unless personal data is included: they travel as frames. */
  readonly registers: PackageRegister[];
  readonly totals: PackageTotals;
}

/** Petitions in the package: received in the period, or received earlier and still open when it began. */
export function petitionInPeriod(p: Pick<Petition, 'receivedOn' | 'closedOn'>, period: ReportPeriod): boolean {
  if (p.receivedOn > period.to) return false;
  if (p.receivedOn >= period.from) return true;
  return p.closedOn === undefined || p.closedOn >= period.from;
}

export function buildExchangeRecords(source: OfficeSource, period: ReportPeriod, includePersonal: boolean): BuiltRecords {
  const districtOf = new Map(source.cases.map((c) => [c.id, c.district]));
  const partiesOf = groupBy(source.parties, (p) => p.caseId);
  const records: ExchangeRecord[] = [];
  let amountInvolvedFen = 0;
  let lossesRecoveredFen = 0;
  for (const c of source.cases) {
    amountInvolvedFen += c.amountInvolvedFen ?? 0;
    lossesRecoveredFen += c.lossesRecoveredFen ?? 0;
    const parties = (partiesOf.get(c.id) ?? []).map((p) => (includePersonal ? p : maskParty(p)));
    records.push({ kind: 'case', sourceId: c.id, district: c.district, data: { ...c, parties, registerCounts: caseRegisterCounts(source.registerCounts.get(c.id)) } });
  }
  const sessionsOf = groupBy(source.mediation, (m) => source.mediationPetition.get(m.id) ?? '');
  let petitionPersons = 0;
  for (const p of source.petitions) {
    if (!petitionInPeriod(p, period)) continue;
    petitionPersons += p.personCount;
    const sessions = sessionsOf.get(p.id) ?? [];
    const data = includePersonal
      ? { ...p, mediationSessions: sessions }
      : { ...p, petitioners: p.petitioners.map(maskPetitioner), mediationSessions: sessions.map(maskSession) };
    records.push({ kind: 'petition', sourceId: p.id, district: p.caseId === null ? null : (districtOf.get(p.caseId) ?? null), data });
  }
  let refundPaidFen = 0;
  for (const f of source.refunds) {
    const batches = f.batches.filter((b) => b.date <= period.to);
    for (const b of batches) refundPaidFen += b.paidFen;
    records.push({
      kind: 'refunds',
      sourceId: f.caseId,
      district: districtOf.get(f.caseId) ?? null,
      data: { ...f, batches: batches.map((b) => ({ ...b, paidBits: bytesToBase64(b.paidBits) })) },
    });
  }
  for (const d of source.documents) {
    if (d.issuedDate === null || d.issuedDate < period.from || d.issuedDate > period.to) continue;
    records.push({ kind: 'document', sourceId: d.id, district: d.caseId === null ? null : (districtOf.get(d.caseId) ?? null), data: { ...d } });
  }
  let creditors = 0;
  const registers: PackageRegister[] = [];
  for (const [caseId, list] of source.creditorRegisters) {
    creditors += list.length;
    registers.push({ caseId, district: districtOf.get(caseId) ?? null, creditors: includePersonal ? list : list.map(maskCreditor) });
  }
  records.push(...(source.extra ?? []));
  return { records, registers, totals: { amountInvolvedFen, lossesRecoveredFen, refundPaidFen, petitionPersons, creditors } };
}

function maskParty(p: CaseParty): CaseParty {
  return p.kind === 'person' ? { ...p, name: maskName(p.name), idNumber: p.idNumber ? maskIdNumber(p.idNumber) : '' } : p;
}

/** A petitioner as a package carries them without personal data on purpose. */
export function maskPetitioner(p: Petitioner): Petitioner {
  if (p.kind === 'creditor') return { ...p, name: maskName(p.name) };
  return {
    kind: 'entered',
    name: maskName(p.name),
    ...(p.phone ? { phone: maskPhone(p.phone) } : {}),
    ...(p.idNumber ? { idNumber: maskIdNumber(p.idNumber) } : {}),
  };
}

function maskSession(s: MediationSession): MediationSession {
  // Participants are written as names in the record's words: sent as a head count only.
  return { ...s, participants: s.participants.length > 0 ? [`（${s.participants.length} 人，姓名已隐去）`] : [] };
}

export function maskCreditor(c: RegisterCreditor): RegisterCreditor {
  // Every kind of identity except an organisation's credit code belongs to a person.
  const person = c.idType !== 'org';
  return {
    cid: c.cid,
    name: person ? maskName(c.name) : c.name,
    idType: c.idType,
    idNumber: person ? maskIdNumber(c.idNumber) : c.idNumber,
    ...(c.phone ? { phone: maskPhone(c.phone) } : {}),
    ...(c.bankAccount ? { bankAccount: maskAccount(c.bankAccount) } : {}),
    principalFen: c.principalFen,
    returnedFen: c.returnedFen,
    netClaimFen: c.netClaimFen,
    status: c.status,
  };
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
