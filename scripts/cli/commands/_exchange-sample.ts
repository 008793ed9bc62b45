// A district's records as a package carries them, generated: for `package make-sample`, the tests
// and the exchange benchmark (a district's year: 2,000 cases, 20,000 petitions, 500 batches).
import type { ExchangeRecord, OfficeIdentity, PackageTotals } from '../../../renderer/src/core/exchange';

export const SAMPLE_OFFICE: OfficeIdentity = { id: 'office-sample-huancui', name: '环翠区处非办（样例）', level: 'district', district: '环翠区' };

export interface SampleSize {
  readonly cases: number;
  readonly petitions: number;
  readonly batches: number;
}

export function sampleDistrictRecords(size: SampleSize, year = 2026): { records: ExchangeRecord[]; totals: PackageTotals } {
  const records: ExchangeRecord[] = [];
  const district = SAMPLE_OFFICE.district;
  let amountInvolvedFen = 0;
  for (let i = 1; i <= size.cases; i++) {
    const amount = 1_000_000 + ((i * 7919) % 90_000_000);
    amountInvolvedFen += amount;
    const filed = `${year}-${String(((i - 1) % 12) + 1).padStart(2, '0')}-${String(((i - 1) % 28) + 1).padStart(2, '0')}`;
    records.push({
      kind: 'case',
      sourceId: `case-${i}`,
      district,
      data: {
        id: `case-${i}`,
        caseNumber: `环公经立〔${year}〕${i}号`,
        title: `样例公司${i}涉嫌非法吸收公众存款案`,
        charge: '非法吸收公众存款',
        sector: '养老',
        district,
        leadUnit: '环翠公安分局',
        officers: ['张三', '李四'],
        amountInvolvedFen: amount,
        peopleInvolved: 10 + (i % 300),
        lossesRecoveredFen: 0,
        filedDate: filed,
        stage: '立案',
        stageHistory: [{ stage: '立案', date: filed, note: '', operator: '张三', recordedAt: `${filed}T02:00:00.000Z` }],
        createdAt: `${filed}T02:00:00.000Z`,
        updatedAt: `${filed}T02:00:00.000Z`,
        parties: [{ id: `party-${i}`, caseId: `case-${i}`, kind: 'firm', name: `样例公司${i}`, role: '涉案企业', idNumber: '', note: '', order: 0 }],
        // Every case says how many people its register holds (one in four has a register), as the app sends it.
        registerCounts: i % 4 === 0 ? { persons: 12 + (i % 500) } : null,
      },
    });
  }
  let petitionPersons = 0;
  for (let i = 1; i <= size.petitions; i++) {
    const received = `${year}-${String(((i - 1) % 12) + 1).padStart(2, '0')}-${String(((i - 1) % 28) + 1).padStart(2, '0')}`;
    petitionPersons += 1;
    records.push({
      kind: 'petition',
      sourceId: `pet-${i}`,
      district,
      data: {
        id: `pet-${i}`,
        registerNo: `环处非信〔${year}〕${i}号`,
        receivedOn: received,
        channel: '来访',
        level: '到县区',
        form: 'individual',
        personCount: 1,
        petitioners: [{ kind: 'entered', name: '张*国' }],
        caseId: `case-${(i % Math.max(1, size.cases)) + 1}`,
        demands: '要求尽快清退本金',
        urgency: '一般',
        handler: '王五',
        status: '受理',
        acceptedOn: received,
        mediationSessions: [],
        history: [{ date: received, by: '王五', action: '登记', from: null, to: '登记' }],
      },
    });
  }
  let refundPaidFen = 0;
  const perCase = Math.max(1, Math.ceil(size.batches / Math.max(1, size.cases)));
  for (let c = 1, b = 0; b < size.batches && c <= size.cases; c++) {
    const batches = [];
    for (let k = 1; k <= perCase && b < size.batches; k++, b++) {
      const paid = 500_000 + ((b * 104_729) % 5_000_000);
      refundPaidFen += paid;
      batches.push({ batchId: `batch-${b + 1}`, number: k, date: `${year}-06-30`, paidFen: paid, paidToEligibleFen: paid, paidPersons: 50, paidBits: 'AAAA' });
    }
    records.push({ kind: 'refunds', sourceId: `case-${c}`, district, data: { caseId: `case-${c}`, eligibleNetClaimFen: 50_000_000, eligibleCount: 100, batches } });
  }
  return { records, totals: { amountInvolvedFen, lossesRecoveredFen: 0, refundPaidFen, petitionPersons, creditors: 0 } };
}
