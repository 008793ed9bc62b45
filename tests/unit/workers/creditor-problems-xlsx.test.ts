import { read, utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { RowOutcome, SheetRow } from '../../../renderer/src/core/creditors';
import { problemsWorkbook } from '../../../renderer/src/workers/creditor-problems-xlsx';

describe('problems export', () => {
  it('writes the problem rows as they were, a sparse row (a cell far right) as its cells only', () => {
    const wide: (string | number)[] = [];
    wide[0] = '张三';
    wide[2000] = '备注在很右边';
    const rows: SheetRow[] = [
      { row: 2, cells: ['李四', '371002198001010010', 100] },
      { row: 3, cells: wide },
    ];
    const problems: RowOutcome[] = [{ row: 3, status: 'error', code: 'ID_MISSING', message: '第 3 行“身份证号码”：证件号码为空。' }];
    const sheet = read(problemsWorkbook(['姓名', '身份证号码', '金额'], rows, problems), { type: 'array' }).Sheets.问题行;
    expect(sheet?.A2?.v).toBe(3);
    expect(sheet?.C2?.v).toContain('证件号码为空');
    expect(sheet?.D2?.v).toBe('张三');
    expect(sheet?.['!ref']).toBe(`A1:${utils.encode_col(2003)}2`);
    expect(sheet?.[`${utils.encode_col(2003)}2`]?.v).toBe('备注在很右边');
    expect(Object.keys(sheet ?? {}).filter((k) => !k.startsWith('!'))).toHaveLength(11);
  });
});
