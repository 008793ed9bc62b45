import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCreditorFile } from '../../../../renderer/src/core/creditors';
import { sharedPath } from '../../../shared-dir';

const dir = sharedPath('fixtures', 'creditors');
interface Expected {
  rows: Array<{ row: number; status: string; code?: string }>;
  totalRow: number;
  creditors: number;
  errorRows: number;
  totalPrincipalFen: number;
  totalNetClaimFen: number;
}
const expected = JSON.parse(readFileSync(`${dir}/messy-register.expected.json`, 'utf8')) as Expected;
const today = '2026-11-26';

async function check(file: string) {
  return checkCreditorFile(new Uint8Array(readFileSync(`${dir}/${file}`)), file, { today });
}

describe.each(['messy-register.xlsx', 'messy-register.utf8.csv', 'messy-register.gb18030.csv'])('%s', (file) => {
  it('gives exactly the expected outcome of every row', async () => {
    const r = await check(file);
    expect(r.fatal).toBeNull();
    expect(r.rows.map((o) => ({ row: o.row, status: o.status, code: o.code }))).toEqual(
      expected.rows.map((o) => ({ row: o.row, status: o.status, code: o.code ?? 'OK' })),
    );
    expect(r.creditors).toHaveLength(expected.creditors);
    expect(r.errorRows).toBe(expected.errorRows);
    expect(r.totalPrincipalFen).toBe(expected.totalPrincipalFen);
    expect(r.totalNetClaimFen).toBe(expected.totalNetClaimFen);
  });

  it('finds the header below the title rows and skips the total, blank and note rows', async () => {
    const r = await check(file);
    expect(r.headerRow).toBe(3);
    // Row 30 is blank; SheetJS stores no row for it, the CSV has an empty line.
    expect(r.skipped).toEqual({ blank: file.endsWith('.xlsx') ? 1 : 2, total: 1, note: 1, header: 0 });
    expect(r.rows.some((o) => o.row === expected.totalRow)).toBe(false);
    expect(r.units).toEqual({ principal: 'yuan', returned: 'yuan' });
  });

  it('explains every problem row with its row number, column and value', async () => {
    const r = await check(file);
    for (const o of r.rows.filter((x) => x.status !== 'ok')) {
      expect(o.message).toContain(`第 ${o.row} 行`);
      expect(o.column).toBeTruthy();
      expect(o.message).toMatch(/请/);
    }
    const mangled = r.rows.find((o) => o.row === 7);
    expect(mangled?.column).toBe('身份证号码');
    expect(mangled?.message).toContain('3.71002E+17');
  });

  it('normalizes and merges what it imports', async () => {
    const r = await check(file);
    const byId = new Map(r.creditors.map((c) => [c.idNumber, c]));
    const zhang = byId.get('371002198001010010');
    expect(zhang?.contracts.map((c) => [c.sourceRow, c.principalFen, c.returnedFen])).toEqual([
      [4, 10_000_000, 500_000],
      [17, 2_000_000, 0],
    ]);
    expect(zhang?.netClaimFen).toBe(11_500_000);
    expect(byId.get('37100319751212007X')?.name).toBe('王芳');
    expect(byId.get('371082199005050032')?.principalFen).toBe(2_000_000);
    expect(byId.get('371002196007070066')).toMatchObject({
      principalFen: 5_000_000,
      returnedFen: 120_050,
      phone: '13800007777',
      bankAccount: '6222020200112233778',
    });
    expect(byId.get('371002197412120113')).toMatchObject({ principalFen: 1_000_000, netClaimFen: 0 });
    expect(byId.get('371002197703030134')?.name).toBe('郭明');
    expect(byId.get('371002198804040141')?.name).toBe('王喆');
    expect(byId.get('91371000MA3C0000AL')).toMatchObject({ idType: 'org', name: '威海某某贸易有限公司', phone: '0631-5200000' });
    expect(byId.get('371002198001010184')).toMatchObject({ idType: 'resident15', name: '罗兰' });
    for (const c of r.creditors) {
      expect(c.status).toBe('待核实');
      expect(c.exclusion).toBeNull();
    }
  });

  it('produces plain JSON creditors', async () => {
    const r = await check(file);
    expect(JSON.parse(JSON.stringify(r.creditors))).toEqual(r.creditors);
  });
});
