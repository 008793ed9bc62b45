import { describe, expect, it } from 'vitest';
import { classifyHeader, mapHeaderRow } from '../../../../renderer/src/core/creditors';
import { HEADER, importRows, makeId, person } from './helpers';

describe('header detection and column mapping', () => {
  it.each([
    ['姓名', 'name'],
    ['出借人', 'name'],
    ['投资人姓名', 'name'],
    ['客户姓名', 'name'],
    ['身份证号', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['证件类型', 'idType'],
    ['手机号', 'phone'],
    ['出借金额', 'principal'],
    ['本金（万元）', 'principal'],
    ['投资本金(元)', 'principal'],
    ['已兑付金额', 'returned'],
    ['已获利息/返利', 'returned'],
    ['返利', 'returned'],
    ['开户行', 'bankName'],
    ['收款账号', 'bankAccount'],
    ['家庭住址', 'address'],
    ['备 注', 'note'],
    ['＊姓　名', 'name'],
  ])('%s → %s', (text, field) => {
    expect(classifyHeader(text).field).toBe(field);
  });

  it('reads units from headers', () => {
    expect(classifyHeader('投资金额（万元）').unit).toBe('wan');
    expect(classifyHeader('本金(单位：元)').unit).toBe('yuan');
    expect(classifyHeader('出借金额万元').unit).toBe('wan');
    expect(classifyHeader('投资金额').unit).toBeNull();
  });

  it('maps the first column naming a field', () => {
    const { mapping, matches } = mapHeaderRow(['姓名', '手机', '电话', '身份证号码', '本金']);
    expect(mapping).toEqual({ name: 0, phone: 1, idNumber: 3, principal: 4 });
    expect(matches).toBe(4);
  });

  it('honours 万元 in a header: a bare 5 is 50,000 yuan', () => {
    const r = importRows([
      ['姓名', '身份证号码', '投资金额（万元）', '已获收益（元）'],
      ['张三', makeId(), '5', '1200.5'],
      ['李四', makeId('19800102'), '2.5万', ''],
      ['王五', makeId('19800103'), '30000元', ''],
    ]);
    expect(r.units).toEqual({ principal: 'wan', returned: 'yuan' });
    expect(r.creditors.map((c) => [c.principalFen, c.returnedFen])).toEqual([
      [5_000_000, 120_050],
      [2_500_000, 0],
      [3_000_000, 0],
    ]);
  });

  it('honours "金额单位：万元" in a title row for columns without their own unit', () => {
    const r = importRows([['某案集资参与人名单'], ['', '', '金额单位：万元'], ['姓名', '身份证号码', '本金', '已返还'], ['张三', makeId(), '1.5', '0.1']]);
    expect(r.headerRow).toBe(3);
    expect(r.creditors[0]).toMatchObject({ principalFen: 1_500_000, returnedFen: 100_000, netClaimFen: 1_400_000 });
  });

  it('does not take a title block of "label：value" cells for the header', () => {
    const r = importRows([
      ['填报人：李四', '电话：0631-5200000', '地址：威海市'],
      ['联系电话', '备注', '开户行'],
      ['姓名', '身份证号码', '投资金额(单位:元)'],
      ['张三', makeId(), '100'],
    ]);
    expect(r.headerRow).toBe(3);
    expect(r.creditors).toHaveLength(1);
  });

  it('lets the caller override the mapping and units', () => {
    const r = importRows(
      [
        ['甲', '乙', '丙', '姓名'],
        [makeId(), '张三', '500', 'x'],
      ],
      { headerRow: 1, mapping: { idNumber: 0, name: 1, principal: 2 }, units: { principal: 'wan' } },
    );
    expect(r.fatal).toBeNull();
    expect(r.creditors[0]).toMatchObject({ name: '张三', principalFen: 500_000_000 });
  });

  it('stops with a clear message when a required column is missing', () => {
    const r = importRows([
      ['姓名', '联系电话', '备注'],
      ['张三', '13800001111', ''],
    ]);
    expect(r.fatal?.code).toBe('HEADER_COLUMNS_MISSING');
    expect(r.fatal?.message).toContain('证件号码');
    expect(r.fatal?.message).toContain('投资金额');
    expect(r.creditors).toEqual([]);
  });

  it('reports a file without a header', () => {
    const r = importRows([['这是一封信'], ['没有表格']]);
    expect(r.fatal?.code).toBe('HEADER_NOT_FOUND');
    expect(r.headerRow).toBeNull();
  });
});

describe('rows that are not creditors', () => {
  it('skips blank rows, pre-numbered empty rows, totals, subtotals, notes and repeated headers', () => {
    const r = importRows([
      HEADER,
      person('张三', makeId(), '1000'),
      ['', '', '', '', '', '', '', '', ''],
      ['2', '', '', '', '', '', '', '', ''],
      ['小计', '', '', '', '1000', '', '', '', ''],
      HEADER,
      person('李四', makeId('19800102'), '2000'),
      ['', '合 计', '', '', '3000', '0', '', '', ''],
      ['制表人：王五', '', '', '', '', '', '审核：赵六'],
      ['注：以上金额以合同为准。'],
    ]);
    expect(r.rows.map((o) => o.row)).toEqual([2, 7]);
    expect(r.skipped).toEqual({ blank: 2, total: 2, note: 2, header: 1 });
    expect(r.creditors).toHaveLength(2);
  });

  it('keeps a data row after a subtotal (tables continue after 小计)', () => {
    const r = importRows([HEADER, ['小计', '', '', '', '0'], person('张三', makeId(), '1000')]);
    expect(r.creditors).toHaveLength(1);
  });
});

describe('two-row headers with a merged group cell', () => {
  it('reads the columns under "金额（万元）" with the group unit', () => {
    const r = importRows([
      ['集资参与人名单'],
      ['序号', '姓名', '身份证号码', '金额（万元）', '', '开户银行'],
      ['序号', '姓名', '身份证号码', '投资本金', '已获收益', '开户银行'],
      ['1', '张三', makeId(), '2', '0.5', '中国银行'],
    ]);
    expect(r.headerRow).toBe(2);
    expect(r.skipped.header).toBe(1);
    expect(r.mapping).toMatchObject({ name: 1, idNumber: 2, principal: 3, returned: 4, bankName: 5 });
    expect(r.units).toEqual({ principal: 'wan', returned: 'wan' });
    expect(r.creditors[0]).toMatchObject({ principalFen: 2_000_000, returnedFen: 500_000 });
    expect(r.rows.map((o) => [o.row, o.code])).toEqual([[4, 'OK']]);
  });

  it('finds required columns named only in the second header row', () => {
    const r = importRows([
      ['姓名', '身份证号码', '出资情况', ''],
      ['姓名', '身份证号码', '本金', '已返还'],
      ['张三', makeId(), '100', '0'],
    ]);
    expect(r.fatal).toBeNull();
    expect(r.headerRow).toBe(1);
    expect(r.creditors).toHaveLength(1);
  });

  it('does not take a first data row for a second header row', () => {
    const r = importRows([HEADER, person('张三', makeId(), '100')]);
    expect(r.skipped.header).toBe(0);
    expect(r.rows).toHaveLength(1);
  });
});
