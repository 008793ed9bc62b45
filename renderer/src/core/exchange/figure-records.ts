// The city's 统计 input: its own records plus those its offices reported, each marked with the
// office it came from (core/figures reads `office` and `district` on every record). The zero-case
// share is computed over the union of the city's district list and the reporting offices' districts.
import { base64ToBytes } from '../backup/base64';
import type { MonitoringRecord } from '../clues/figure-records';
import type { FigureCase, FigureFirm, FigurePetition, FigureRecords, FigureRefunds } from '../figures/records';
import type { RefundBatchFacts } from '../repayment/refund-facts';
import { receivedAreaItems } from './area-figures';
import { receivedRegisterPeople } from './register-counts';
import { registerSummaryOf } from './register-frames';

/** A received record as stored at the city (see db ExchangeRecordRow). */
export interface ReceivedFigureRecord {
  readonly office: string;
  readonly kind: string;
  readonly district: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  /** The sending office's name as its package gave it, and when that package was made (ISO instant). */
  readonly officeName?: string;
  readonly packageCreatedAt?: string;
}

/**
 * How many 集资参与人 a received register ('creditors' record) holds: its summary's count (framed,
 * package format 2 on) or the creditors inside the record (format 1). The office's register merges
 * a person's contracts by ID number, so its creditors are its people. Null when it is not a register.
 */
export function receivedRegisterCount(record: Pick<ReceivedFigureRecord, 'kind' | 'data'>): number | null {
  if (record.kind !== 'creditors') return null;
  const summary = registerSummaryOf(record);
  if (summary) return summary.count;
  return Array.isArray(record.data.creditors) ? record.data.creditors.length : null;
}

/**
 * A received case's 涉及人数 source: the counts its package carries; for a package made before the
 * counts existed, the register that came with it (or with another package of the office) when one
 * did, counted as the district counts it (名单); else the typed figure, marked as not reported.
 */
function receivedCasePeople(data: Readonly<Record<string, unknown>>, registerCount: number | undefined): Pick<FigureCase, 'registeredPersons' | 'registerNotReported'> {
  const reported = receivedRegisterPeople(data);
  if (!reported.registerNotReported || registerCount === undefined) return reported;
  return { registeredPersons: registerCount, registerNotReported: false };
}

export function withReceivedRecords(own: FigureRecords, received: readonly ReceivedFigureRecord[], officeDistricts: readonly string[] = []): FigureRecords {
  if (received.length === 0) return own;
  const cases: FigureCase[] = [];
  const petitions: FigurePetition[] = [];
  const refunds: FigureRefunds[] = [];
  const firms: FigureFirm[] = [];
  const monitoring: MonitoringRecord[] = [];
  // Registers received, by office and case (a 'creditors' record's data names its case).
  const registerCounts = new Map<string, number>();
  for (const r of received) {
    const count = receivedRegisterCount(r);
    const caseId = r.data.caseId;
    if (count !== null && typeof caseId === 'string') registerCounts.set(`${r.office}|${caseId}`, count);
  }
  for (const r of received) {
    if (r.kind === 'case') {
      // 涉及人数 as the district counts it: its register's people from the counts the package
      // carries (or, for an older package, from the register it sent), else the typed figure (填报).
      const id = `${r.office}|${String(r.data.id)}`;
      const from = r.officeName !== undefined || r.packageCreatedAt !== undefined ? { receivedFrom: { officeName: r.officeName ?? r.office, packageCreatedAt: r.packageCreatedAt ?? '' } } : {};
      cases.push({ ...(r.data as unknown as FigureCase), ...receivedCasePeople(r.data, registerCounts.get(id)), ...from, id, district: r.district ?? '', office: r.office });
    } else if (r.kind === 'creditors') {
      // Counted above, with its case.
    } else if (r.kind === 'petition') {
      const p = r.data as unknown as FigurePetition;
      petitions.push({ ...p, id: `${r.office}|${p.id}`, caseId: p.caseId === null ? null : `${r.office}|${p.caseId}`, district: r.district, office: r.office });
    } else if (r.kind === 'refunds') {
      const f = r.data as unknown as { caseId: string; eligibleNetClaimFen: number; eligibleCount: number; batches: (Omit<RefundBatchFacts, 'paidBits'> & { paidBits: string })[] };
      refunds.push({
        caseId: `${r.office}|${f.caseId}`,
        eligibleNetClaimFen: f.eligibleNetClaimFen,
        eligibleCount: f.eligibleCount,
        batches: f.batches.map((b) => ({ ...b, paidBits: base64ToBytes(b.paidBits) })),
        district: r.district,
        office: r.office,
      });
    } else {
      const area = receivedAreaItems(r.office, r.kind, r.data);
      firms.push(...area.firms);
      monitoring.push(...area.monitoring);
    }
  }
  const districts = [...own.districts];
  for (const d of [...officeDistricts, ...cases.map((c) => c.district)]) if (d && !districts.includes(d)) districts.push(d);
  return {
    ...own,
    districts,
    cases: [...own.cases, ...cases],
    petitions: [...own.petitions, ...petitions],
    refunds: [...own.refunds, ...refunds],
    firms: [...own.firms, ...firms],
    monitoring: [...own.monitoring, ...monitoring],
  };
}
