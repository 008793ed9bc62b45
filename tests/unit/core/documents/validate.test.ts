import { describe, expect, it } from 'vitest';
import {
  BUILTIN_TEMPLATES,
  findBuiltinTemplate,
  sampleDataFor,
  validateDocumentData,
} from '../../../../renderer/src/core/documents';

function template(id: string) {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

describe('validateDocumentData', () => {
  it('accepts every built-in sample as complete', () => {
    for (const t of BUILTIN_TEMPLATES) expect(validateDocumentData(t, sampleDataFor(t.id) ?? {}), t.id).toEqual([]);
  });

  it('names each missing required field in Chinese', () => {
    const problems = validateDocumentData(template('inquiry-notice'), {});
    expect(problems.map((p) => p.field)).toContain('partyName');
    expect(problems.find((p) => p.field === 'partyName')?.message).toBe('「被询问单位（人）」必填：请填写后再生成文书');
    expect(problems.some((p) => p.field === 'documentNumber')).toBe(false);
  });

  it('refuses money that is not integer fen, and negative money', () => {
    const t = template('refund-notice');
    const base = sampleDataFor('refund-notice') ?? {};
    const float = validateDocumentData(t, { ...base, thisBatch: 18750.5 });
    expect(float).toEqual([{ field: 'thisBatch', message: expect.stringContaining('「本批次清退金额」金额无效') }]);
    const text = validateDocumentData(t, { ...base, remaining: '46875.00' });
    expect(text[0]?.field).toBe('remaining');
    const negative = validateDocumentData(t, { ...base, remaining: -1 });
    expect(negative[0]?.message).toContain('不能为负数');
  });

  it('refuses impossible dates and asks for the YYYY-MM-DD form', () => {
    const t = template('refund-notice');
    const base = sampleDataFor('refund-notice') ?? {};
    expect(validateDocumentData(t, { ...base, paymentDate: '2021-02-30' })[0]?.message).toContain('「预计到账日期」日期无效');
    expect(validateDocumentData(t, { ...base, paymentDate: '2021年12月20日' })[0]?.field).toBe('paymentDate');
  });

  it('names the row and column of a table cell that is missing', () => {
    const t = template('inspection-record');
    const base = sampleDataFor('inspection-record') ?? {};
    const inspectors = [
      { name: '李堃', unit: '威海市地方金融监督管理局', certificateNo: '鲁执37100021003' },
      { name: '萧珺', unit: '威海市市场监督管理局', certificateNo: '' },
    ];
    expect(validateDocumentData(t, { ...base, inspectors })).toEqual([
      { field: 'inspectors', message: '「检查人员」第2行「执法证号」必填：请填写' },
    ]);
  });

  it('requires at least two inspectors on an inspection record', () => {
    const t = template('inspection-record');
    const base = sampleDataFor('inspection-record') ?? {};
    const one = [{ name: '李堃', unit: '威海市地方金融监督管理局', certificateNo: '鲁执37100021003' }];
    expect(validateDocumentData(t, { ...base, inspectors: one })[0]?.message).toContain('至少需要 2 条');
  });

  it('refuses a blank list entry and a line break in a one-line field', () => {
    const t = template('inquiry-notice');
    const base = sampleDataFor('inquiry-notice') ?? {};
    expect(validateDocumentData(t, { ...base, materials: ['营业执照', ' '] })[0]?.message).toContain('第2条为空');
    expect(validateDocumentData(t, { ...base, partyName: '某某\n公司' })[0]?.message).toContain('不能换行');
  });
});

describe('money cross-checks on the refund notice', () => {
  const t = findBuiltinTemplate('refund-notice');
  const base = sampleDataFor('refund-notice') ?? {};

  it('refuses paid + remaining that does not equal the net claim, naming both amounts', () => {
    if (!t) throw new Error('refund-notice');
    const problems = validateDocumentData(t, { ...base, remaining: 4687400 });
    expect(problems).toEqual([
      {
        field: 'netClaim',
        message: '「累计已清退金额」加「尚未清退金额」为 93,749.00 元，与「核定清退基数」93,750.00 元不符：请核对金额',
      },
    ]);
  });

  it('refuses a batch amount larger than the cumulative amount paid', () => {
    if (!t) throw new Error('refund-notice');
    const problems = validateDocumentData(t, { ...base, thisBatch: 4687501 });
    expect(problems.map((p) => p.field)).toEqual(['thisBatch']);
    expect(problems[0]?.message).toContain('大于「累计已清退金额」46,875.00 元');
  });
});
