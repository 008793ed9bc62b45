import { describe, expect, it } from 'vitest';
import { HEADER, importRows, makeId, person } from './helpers';

describe('merging rows into creditors', () => {
  const id = makeId();

  it('one ID on several rows is one creditor with several contracts', () => {
    const r = importRows([HEADER, person('张三', id, '1000', '100'), person('李四', makeId('19800102'), '5'), person('张 三', ` ${id.toLowerCase()}`, '2000', '0')]);
    expect(r.creditors).toHaveLength(2);
    const zhang = r.creditors[0];
    expect(zhang?.contracts.map((c) => c.sourceRow)).toEqual([2, 4]);
    expect(zhang).toMatchObject({ principalFen: 300_000, returnedFen: 10_000, netClaimFen: 290_000 });
    expect(r.totalPrincipalFen).toBe(300_500);
    expect(r.totalNetClaimFen).toBe(290_500);
  });

  it('the net claim is per creditor: returns on one contract offset another', () => {
    const r = importRows([HEADER, person('张三', id, '1000', '1500'), person('张三', id, '1000', '0')]);
    expect(r.rows.map((o) => o.code)).toEqual(['NO_LOSS', 'OK']);
    expect(r.creditors[0]).toMatchObject({ principalFen: 200_000, returnedFen: 150_000, netClaimFen: 50_000 });
    expect(r.totalNetClaimFen).toBe(50_000);
    expect(r.totalReturnedFen).toBe(150_000);
  });

  it('the same ID under another name is an error on the later row only', () => {
    const r = importRows([HEADER, person('张伟', id, '1000'), person('张卫', id, '500'), person('张伟', id, '300')]);
    expect(r.rows.map((o) => [o.row, o.status, o.code])).toEqual([
      [2, 'ok', 'OK'],
      [3, 'error', 'ID_NAME_CONFLICT'],
      [4, 'ok', 'OK'],
    ]);
    expect(r.rows[1]?.message).toContain('第 2 行登记为“张伟”');
    expect(r.creditors[0]?.principalFen).toBe(130_000);
  });

  it('a 15-digit and an 18-digit number of the same person merge', () => {
    const r = importRows([HEADER, person('罗兰', '371002800101018', '1000'), person('罗兰', '371002198001010184', '1000')]);
    expect(r.creditors).toHaveLength(1);
    expect(r.creditors[0]?.contracts).toHaveLength(2);
  });

  it('warns about a second row with exactly the same amounts, and still counts it', () => {
    const r = importRows([HEADER, person('张三', id, '1000'), person('张三', id, '1000')]);
    expect(r.rows[1]).toMatchObject({ status: 'warning', code: 'POSSIBLE_DUPLICATE' });
    expect(r.creditors[0]?.principalFen).toBe(200_000);
  });

  it('fills missing contact details from later rows, keeping the first ones given', () => {
    const r = importRows([
      HEADER,
      person('张三', id, '1000', '0', { phone: '', account: '' }),
      person('张三', id, '2000', '0', { phone: '13900001111', account: '6222020200112233441' }),
      person('张三', id, '3000', '0', { phone: '13700001111' }),
    ]);
    expect(r.creditors[0]).toMatchObject({ phone: '13900001111', bankAccount: '6222020200112233441' });
  });

  it('error rows never reach a creditor or the totals', () => {
    const r = importRows([HEADER, person('张三', id, '1000'), person('张三', id, '-1')]);
    expect(r.creditors[0]?.contracts).toHaveLength(1);
    expect(r.totalPrincipalFen).toBe(100_000);
    expect(r.errorRows).toBe(1);
  });
});
