// A name or note that literally holds "_x0041_" must open in Excel/WPS as typed, not as "A": each of
// our xlsx writers is read back with SheetJS, which decodes _xHHHH_ as Excel does.
import { read, type WorkSheet } from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { escapeOoxmlText } from '../../../../renderer/src/core/common/ooxml-text';
import type { AllocationLineRecord } from '../../../../renderer/src/db/records';
import type { StoredCreditor } from '../../../../renderer/src/db/repositories/creditor-types';
import { buildDisbursementXlsx } from '../../../../renderer/src/db/repositories/repayment-bank';
import { ledgerWorkbookBytes } from '../../../../renderer/src/ui/pages/petitions/ledger-xlsx';
import { problemsWorkbook } from '../../../../renderer/src/workers/creditor-problems-xlsx';
import { RegisterXlsxWriter } from '../../../../renderer/src/workers/register-xlsx-stream';

const NAME = '威海_x0041_投资有限公司';
const NOTE = '备注_x000D_第二段 _X00e9_ _x41_';

const sheetOf = (bytes: Uint8Array, name: string) => read(bytes, { type: 'array' }).Sheets[name] as WorkSheet;

describe('a literal _xHHHH_ in a text', () => {
  it('is written with its underscore escaped, other texts as they are', () => {
    expect(escapeOoxmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeOoxmlText(NOTE)).toBe('备注_x005F_x000D_第二段 _x005F_X00e9_ _x41_');
    expect(escapeOoxmlText('王喆_x_')).toBe('王喆_x_');
  });

  it('reads back as typed from the streamed register export', async () => {
    const creditor: StoredCreditor = {
      cid: '1',
      name: NAME,
      idType: 'org',
      idNumber: '91371000MA3C0000XX',
      address: NOTE,
      contracts: [{ principalFen: 100, returnedFen: 0, sourceRow: 2, note: '' }],
      principalFen: 100,
      returnedFen: 0,
      netClaimFen: 100,
      status: '已核实',
      exclusion: null,
    };
    const writer = new RegisterXlsxWriter({ kind: 'full', sheetName: '名单', total: 1 });
    writer.add([creditor]);
    const bytes = new Uint8Array(await writer.finish().file.arrayBuffer());
    const sheet = sheetOf(bytes, '名单');
    expect(sheet.B2?.v).toBe(NAME);
    expect(sheet.F2?.v).toBe(NOTE);
    // What Excel reads: the escaped underscore in the sheet's XML.
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('威海_x005F_x0041_投资有限公司');
  });

  it('reads back as typed from the bank disbursement list', async () => {
    const line: AllocationLineRecord = { cid: '1', amountFen: 50_000, status: 'pending', remainingFen: 100_000, pool: 0, flags: 0, ref: 'R_x0031_' };
    const built = buildDisbursementXlsx({
      title: '第1批',
      lines: [line],
      creditors: new Map([['1', { cid: '1', name: NAME, idNumber: '91371000MA3C0000XX', bankName: '银行_x0042_', bankAccount: '6222020200112233441', netClaimFen: 100_000, status: '已核实', exclusion: null }]]),
    });
    // Written as it is made (inline strings, which SheetJS decodes once, as Excel does).
    const bytes = new Uint8Array(await built.file.arrayBuffer());
    const sheet = sheetOf(bytes, '代发清单');
    expect(sheet.B2?.v).toBe(NAME);
    expect(sheet.D2?.v).toBe('银行_x0042_');
    expect(sheet.F2?.v).toBe('R_x0031_');
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('威海_x005F_x0041_投资有限公司');
    expect(xml).not.toMatch(/[^F]_x00(41|42|31)_/);
  });

  it('reads back as typed from the import problems list and the petition ledger', () => {
    const problems = problemsWorkbook(['姓名', '备注'], [{ row: 2, cells: [NAME, NOTE] }], [{ row: 2, status: 'error', code: 'ID_MISSING', message: '第 2 行：证件号码为空。' }]);
    const problemSheet = sheetOf(problems, '问题行');
    expect(problemSheet.D2?.v).toBe(NAME);
    expect(problemSheet.E2?.v).toBe(NOTE);
    const ledger = sheetOf(ledgerWorkbookBytes({ headers: ['信访人', '诉求'], rows: [[NAME, NOTE]] }, '信访台账_x0031_'), '信访台账');
    expect(ledger.A1?.v).toBe('信访台账_x0031_');
    expect(ledger.A3?.v).toBe(NAME);
    expect(ledger.B3?.v).toBe(NOTE);
  });
});
