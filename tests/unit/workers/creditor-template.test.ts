import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkCreditorFile } from '../../../renderer/src/core/creditors';
import { TEMPLATE_COLUMNS } from '../../../renderer/src/core/creditors/template';
import { blankRegisterXlsx } from '../../../renderer/src/workers/creditor-template-xlsx';
import { makeId, today } from '../core/creditors/helpers';

describe('the blank register template', () => {
  it('has the headers the import recognises and a guide sheet', async () => {
    const book = XLSX.read(blankRegisterXlsx(), { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['集资参与人名单', '填写说明']);
    const sheet = book.Sheets.集资参与人名单 as XLSX.WorkSheet;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
    expect(header).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const guide = XLSX.utils.sheet_to_json<string[]>(book.Sheets.填写说明 as XLSX.WorkSheet, { header: 1 });
    expect(guide[4]).toEqual(['证件号码', '必填', expect.stringContaining('文本')]);

    // Filled in as a clerk would, it imports with every column found and no blank rows counted.
    XLSX.utils.sheet_add_aoa(sheet, [[1, 'John Smith', '护照', 'E12345678', '13800001111', 1000, '', '中国银行', '6222020200112233441', '威海', '已核实', 'HT-001'], [2, '张伟', '', makeId(), '', 500]], { origin: 'A2' });
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const r = await checkCreditorFile(new Uint8Array(bytes), 'filled.xlsx', { today });
    expect(r.fatal).toBeNull();
    expect(Object.keys(r.mapping).sort()).toEqual(TEMPLATE_COLUMNS.map((c) => c.field).sort());
    expect(r.creditors.map((c) => [c.name, c.idType, c.fileStatus ?? ''])).toEqual([
      ['John Smith', 'passport', '已核实'],
      ['张伟', 'resident', ''],
    ]);
    expect(r.errorRows).toBe(0);
    expect(r.skipped.blank).toBe(0);
  });
});
