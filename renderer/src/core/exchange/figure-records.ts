// The city's 统计 input: its own records plus those its offices reported, each marked with the
// office it came from (core/figures reads `office` and `district` on every record). The zero-case
// share is computed over the union of the city's district list and the reporting offices' districts.
import { base64ToBytes } from '../backup/base64';
import type { MonitoringRecord } from '../clues/figure-records';
import type { FigureCase, FigureFirm, FigurePetition, FigureRecords, FigureRefunds } from '../figures/records';
import type { RefundBatchFacts } from '../repayment/refund-facts';
import { receivedAreaItems } from './area-figures';
import { receivedRegisterPeople } from './register-counts';

/** A received record as stored at the city (see db ExchangeRecordRow). */
export interface ReceivedFigureRecord {
  readonly office: string;
  readonly kind: string;
  readonly district: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export function withReceivedRecords(own: FigureRecords, received: readonly ReceivedFigureRecord[], officeDistricts: readonly string[] = []): FigureRecords {
  if (received.length === 0) return own;
  const cases: FigureCase[] = [];
  const petitions: FigurePetition[] = [];
  const refunds: FigureRefunds[] = [];
  const firms: FigureFirm[] = [];
  const monitoring: MonitoringRecord[] = [];
  for (const r of received) {
    if (r.kind === 'case') {
      // 涉及人数 as the district counts it: its register's people from the counts the package
      // carries, or the typed figure (填报) when the package is older than the counts.
      cases.push({ ...(r.data as unknown as FigureCase), ...receivedRegisterPeople(r.data), id: `${r.office}|${String(r.data.id)}`, district: r.district ?? '', office: r.office });
    }
    else if (r.kind === 'petition') {
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
