// Issue 11: a zero principal is refused naming the field; a 核实状态 column of the file is kept as
// the source's status beside the app's own (which only a 审核 user sets).
import { describe, expect, it } from 'vitest';
import { checkCreditorFile } from '../../../../renderer/src/core/creditors';
import { fileStatusFromText } from '../../../../renderer/src/core/creditors/validate-row';
import { makeId, today } from './helpers';

async function importCsv(header: string, lines: string[]) {
  return checkCreditorFile(new TextEncoder().encode(`${header}\n${lines.join('\n')}\n`), 'list.csv', { today });
}

describe('a zero principal', () => {
  it('is refused with the row and the column named, and what to do', async () => {
    const r = await importCsv('序号,姓名,身份证号码,投资金额', [`1,张伟,${makeId()},0`, `2,李娜,${makeId('19800102')},1000`]);
    expect(r.rows.find((x) => x.row === 2)).toMatchObject({ status: 'error', code: 'AMOUNT_ZERO', column: '投资金额', value: '0' });
    expect(r.rows.find((x) => x.row === 2)?.message).toMatch(/^第 2 行“投资金额”：投资金额为 0。.*请按合同或转账凭证填写投资金额/);
    expect(r.creditors.map((c) => c.name)).toEqual(['李娜']);
  });
});

describe('a 核实状态 column in the file', () => {
  it('is read as the file status, never as the app status; unknown words are a warning', async () => {
    const r = await importCsv('序号,姓名,身份证号码,投资金额,审核状态', [
      `1,张伟,${makeId()},1000,已核实`,
      `2,李娜,${makeId('19800102')},1000,有疑问`,
      `3,王芳,${makeId('19800103')},1000,`,
      `4,赵强,${makeId('19800104')},1000,看情况`,
    ]);
    expect(r.creditors.map((c) => [c.name, c.status, c.fileStatus ?? ''])).toEqual([
      ['张伟', '待核实', '已核实'],
      ['李娜', '待核实', '存疑'],
      ['王芳', '待核实', ''],
      ['赵强', '待核实', ''],
    ]);
    expect(r.rows.find((x) => x.row === 5)).toMatchObject({ status: 'warning', code: 'STATUS_UNKNOWN', column: '审核状态' });
  });

  it('understands the usual words', () => {
    expect(['已核实', '审核通过', '是', 'Y', '属实'].map(fileStatusFromText)).toEqual(['已核实', '已核实', '已核实', '已核实', '已核实']);
    expect(['未核实', '待审核', '否'].map(fileStatusFromText)).toEqual(['待核实', '待核实', '待核实']);
    expect(['存疑', '有异议'].map(fileStatusFromText)).toEqual(['存疑', '存疑']);
    expect(fileStatusFromText('随便')).toBeNull();
  });
});
