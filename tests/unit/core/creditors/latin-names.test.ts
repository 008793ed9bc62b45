// Issue 11: a foreign name keeps its single spaces ("John Smith", never "JohnSmith") from the
// import to the bank's disbursement list, where the account holder's name must match.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkCreditorFile, normalizeName } from '../../../../renderer/src/core/creditors';
import type { AllocationLineRecord } from '../../../../renderer/src/db/records';
import { planCreditorImport } from '../../../../renderer/src/db/repositories/creditor-merge';
import type { StoredCreditor } from '../../../../renderer/src/db/repositories/creditor-types';
import { buildDisbursementXlsx } from '../../../../renderer/src/db/repositories/repayment-bank';
import { makeId, today } from './helpers';

const header = '序号,姓名,证件类型,证件号码,投资金额,银行账号';

async function importCsv(lines: string[]) {
  return checkCreditorFile(new TextEncoder().encode(`${header}\n${lines.join('\n')}\n`), 'foreign.csv', { today });
}

describe('Latin names', () => {
  it('keep one space between words; a Chinese name still loses the spaces typed into it', async () => {
    const r = await importCsv([`1,  John   Smith ,护照,E12345678,1000,6222020200112233441`, `2,María\u00a0José García,护照,PA1234567,500,`, `3,张 三,身份证,${makeId()},100,`, `4,买买提 · 艾力,身份证,${makeId('19800102')},100,`]);
    expect(r.creditors.map((c) => c.name)).toEqual(['John Smith', 'María José García', '张三', '买买提·艾力']);
    expect(r.creditors[0]?.idType).toBe('passport');
    expect(normalizeName('Smith, John')).toBe('Smith, John');
  });

  it('are the same person whatever the spacing, in the file and against the register', async () => {
    const r = await importCsv(['1,John Smith,护照,E12345678,1000,', '2,John  Smith,护照,E12345678,500,']);
    expect(r.creditors).toHaveLength(1);
    expect(r.creditors[0]?.principalFen).toBe(150_000);
    // A register imported before this fix holds "JohnSmith": the same passport is that person, not a conflict.
    const stored: StoredCreditor = { ...(r.creditors[0] as StoredCreditor), name: 'JohnSmith', cid: '1' };
    const plan = planCreditorImport('case', 1, [stored], r.creditors, 2, null, '', { addRepeats: true });
    expect(plan.conflicts).toEqual([]);
    expect(plan.mergedCreditors).toBe(1);
  });

  it('reach the bank disbursement list as written', async () => {
    const r = await importCsv(['1,John Smith,护照,E12345678,1000,6222020200112233441']);
    const c = r.creditors[0];
    if (!c) throw new Error('not imported');
    const line: AllocationLineRecord = { cid: '1', amountFen: 50_000, status: 'pending', remainingFen: 100_000, pool: 0, flags: 0, ref: 'R1' };
    const built = buildDisbursementXlsx({ title: '第1批', lines: [line], creditors: new Map([['1', { ...c, cid: '1' }]]) });
    const sheet = XLSX.read(new Uint8Array(await built.file.arrayBuffer()), { type: 'array' }).Sheets.代发清单;
    expect(sheet?.B2?.v).toBe('John Smith');
    expect(sheet?.C2?.v).toBe('6222020200112233441');
  });
});
