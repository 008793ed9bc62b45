import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../renderer/src/core/figures/office-figures';
import { batchDraft, createCase, importCreditors } from './repayment-test-data';
import { makeTestRepos } from './test-db';

// Eligible: 6,000 + 3,000 + 1,000 元; 待核实 and an employee are left out of the refund rate.
const REGISTER = [
  { name: '王喆', netClaimFen: 600_000 },
  { name: '李堃', netClaimFen: 300_000 },
  { name: '赵赟', netClaimFen: 100_000 },
  { name: '钱昇', netClaimFen: 200_000, status: '待核实' as const },
  { name: '孙珺', netClaimFen: 400_000, exclusion: 'employee' as const },
];

async function setup() {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...(await t.repos.settings.get()), operatorName: '林淼', districts: ['环翠区', '文登区'], campaignStart: '2020-01-01' });
  const caseId = await createCase(t.repos);
  await importCreditors(t.repos, caseId, REGISTER);
  const fund = await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '10,000', date: '2026-11-01', note: '' });
  if (!fund.ok) throw new Error(JSON.stringify(fund.errors));
  return { ...t, caseId };
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const value = (records: Parameters<typeof computeFigures>[1], id: string) =>
  computeFigures(OFFICE_FIGURES.figures, records, YEAR, '2026-12-01').find((r) => r.figure.id === id)?.current.value;

describe('the dashboard’s records from the store', () => {
  it('gives settings, cases and district-stamped records; a case with a plan has stale facts until refreshed', async () => {
    const { repos, caseId } = await setup();
    const first = await repos.figures.load(YEAR);
    expect(first.records.districts).toEqual(['环翠区', '文登区']);
    expect(first.records.rules.campaignStart).toBe('2020-01-01');
    expect(first.records.cases.map((c) => c.id)).toEqual([caseId]);
    expect(first.staleCases).toEqual([caseId]);
    expect(first.records.refunds).toEqual([]);

    expect(await repos.figures.refreshRefundFacts(first.staleCases)).toBe(1);
    const second = await repos.figures.load(YEAR);
    expect(second.staleCases).toEqual([]);
    expect(second.records.refunds).toMatchObject([{ caseId, district: '环翠区', eligibleNetClaimFen: 1_000_000, batches: [] }]);
    const [entry] = await repos.audit.page(0, 1);
    expect(entry).toMatchObject({ action: 'update', entity: 'figureFacts', after: { rebuilt: 1, caseIds: [caseId] } });
  });

  it('rebuilds a case’s facts after a batch is approved and paid, and the refund figures follow', async () => {
    const { repos, caseId } = await setup();
    await repos.figures.refreshRefundFacts((await repos.figures.load()).staleCases);
    const batch = await repos.repayment.createBatch(caseId, batchDraft('5,000'));
    if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
    // A draft changes the signature but pays nothing.
    expect((await repos.figures.load()).staleCases).toEqual([caseId]);
    expect(await repos.repayment.approve(batch.id, '王主任')).toEqual({ ok: true });
    const lines = await repos.repayment.batchLines(batch.id);
    const paid = lines.filter((l) => l.amountFen > 0);
    const [firstLine, ...rest] = paid;
    const r = await repos.repayment.recordPaymentResults(
      batch.id,
      [{ cid: firstLine?.cid ?? '', result: 'failed', note: '账户已销户' }, ...rest.map((l) => ({ cid: l.cid, result: 'paid' as const, note: '' }))],
      { fileName: null, rejected: [] },
    );
    expect(r.ok).toBe(true);
    const stale = await repos.figures.load(YEAR);
    expect(stale.staleCases).toEqual([caseId]);
    await repos.figures.refreshRefundFacts(stale.staleCases);
    const { records } = await repos.figures.load(YEAR);
    // 5,000 元 pro rata over 10,000 元 of eligible claims: 3,000 / 1,500 / 500; the 3,000 failed.
    expect(value(records, 'refunds.amount')).toBe(200_000);
    expect(value(records, 'refunds.persons')).toBe(2);
    expect(value(records, 'refunds.cases')).toBe(1);
    // The case page's rate (same definition): 2,000 of 10,000 元 = 20.0%.
    expect(value(records, 'refunds.rate')).toBe(200);
    expect((await repos.repayment.caseFigures(caseId)).refundRate).toBe('20.00%');
  });

  it('counts the people of a case’s register for 新立案件涉及人数, read from the register’s count row', async () => {
    const { repos, caseId } = await setup();
    const { records } = await repos.figures.load(YEAR);
    expect(records.cases.find((c) => c.id === caseId)?.registeredPersons).toBe(REGISTER.length);
    const row = computeFigures(OFFICE_FIGURES.figures, records, { from: '2020-01-01', to: '2020-12-31' }, '2026-12-01').find((r) => r.figure.id === 'cases.new.people');
    expect(row?.current).toMatchObject({ value: 5, note: '名单 5 人（1 起）' });
  });

  it('reads only the petitions received in the range asked for', async () => {
    const { repos, db, caseId } = await setup();
    const body = (id: string, receivedOn: string) => ({ id, caseId, receivedDate: receivedOn, status: '登记', level: '到市', body: { id, receivedOn, caseId, personCount: 1, form: 'individual', level: '到市' } });
    await db.petitions.bulkAdd([body('p1', '2025-06-01'), body('p2', '2026-03-01'), body('p3', '2027-01-01')] as never);
    const { records } = await repos.figures.load({ from: '2025-01-01', to: '2026-12-31' });
    expect(records.petitions.map((p) => [p.id, p.district])).toEqual([
      ['p1', '环翠区'],
      ['p2', '环翠区'],
    ]);
  });
});
