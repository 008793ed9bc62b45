import { describe, expect, it } from 'vitest';
import {
  BUILTIN_TEMPLATES,
  buildDocumentModel,
  duplicateTemplate,
  findBuiltinTemplate,
  parseTemplate,
  renderText,
  sampleDataFor,
} from '../../../../renderer/src/core/documents';

function template(id: string) {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

describe('document model and renderText', () => {
  it('has the eleven built-in templates, each with Chinese name and labels', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.name)).toEqual([
      '联合执法询问通知书',
      '现场检查笔录',
      '整改通知书',
      '案件移送函',
      '调解协议书',
      '清退告知书',
      '送达回证',
      '工作情况报告',
      '拒绝组织参与非法集资承诺书',
      '举报奖励通知书',
      '防范非法集资风险提示',
    ]);
    for (const t of BUILTIN_TEMPLATES) for (const f of t.fields) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes the work report’s figures into its sentences the way the source report does', () => {
    const text = renderText(template('work-report'), sampleDataFor('work-report') ?? {});
    expect(text).toContain('2020年，新立非法集资案件13起、涉案金额1.38亿元、涉及人数1600余人，三项指标同比分别减少65.6%、68.1%、82%。');
    expect(text).toContain('压降率达81%');
    expect(text).toContain('集中攻坚破案8起，挽回经济损失2036.8万元，破案数上升60%。');
    expect(text).toContain('2020年未发生到省进京信访问题。');
  });

  it('prints the refund notice amounts in figures and in capitals, dates without leading zeros', () => {
    const text = renderText(template('refund-notice'), sampleDataFor('refund-notice') ?? {});
    expect(text).toContain('本批次清退比例为20%，你的本批次清退金额为人民币18,750.00元（大写：壹万捌仟柒佰伍拾元整）');
    expect(text).toContain('累计已清退（含本批次）：人民币46,875.00元（大写：肆万陆仟捌佰柒拾伍元整）');
    expect(text).toContain('尚未清退：人民币46,875.00元（大写：肆万陆仟捌佰柒拾伍元整）');
    expect(text).toContain('核定清退基数为人民币93,750.00元（大写：玖万叁仟柒佰伍拾元整）');
    expect(text).toContain('2021年12月20日前');
    expect(text).toContain('萧珺（身份证号码：3710**********128X）：');
  });

  it('lists inspectors with certificate numbers and notes a refusal to sign only when there is one', () => {
    const t = template('inspection-record');
    const data = sampleDataFor('inspection-record') ?? {};
    const text = renderText(t, data);
    expect(text).toContain('1\t李堃\t威海市地方金融监督管理局\t鲁执37100021003');
    expect(text).toContain('3\t于赟\t威海市公安局经济犯罪侦查支队\t警执371000345');
    expect(text).toContain('被检查单位（人）拒绝签名。');
    expect(renderText(t, { ...data, refusalNote: '' })).not.toContain('拒绝签名。');
  });

  it('turns a multiline value into separate indented paragraphs', () => {
    const model = buildDocumentModel(template('inspection-record'), sampleDataFor('inspection-record') ?? {});
    const findings = model.nodes.filter((n) => n.kind === 'paragraph' && n.text.startsWith('经查看'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ indent: true });
  });

  it('shows a blank line for missing values and omits the 文号 line on a draft', () => {
    const data = { ...(sampleDataFor('inquiry-notice') ?? {}), documentNumber: '', contactPerson: '' };
    const model = buildDocumentModel(template('inquiry-notice'), data);
    expect(model.nodes.some((n) => n.kind === 'documentNumber')).toBe(false);
    expect(renderText(template('inquiry-notice'), data)).toContain('联系人：________');
  });

  it('puts the 回执 after a cut line, with the count of transferred materials', () => {
    const text = renderText(template('case-transfer-letter'), sampleDataFor('case-transfer-letter') ?? {});
    const cut = text.indexOf('（沿此线剪开）');
    expect(cut).toBeGreaterThan(0);
    expect(text.slice(cut)).toContain('你单位《案件移送函》（威处非移〔2021〕5号）及所附威海市安康颐养养老服务有限公司涉嫌非法吸收公众存款罪案件材料共7项，已于');
  });

  it('renders a stored snapshot again to the same text', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const snapshot = JSON.parse(JSON.stringify(sampleDataFor(t.id)));
      expect(renderText(t, snapshot)).toBe(renderText(t, sampleDataFor(t.id) ?? {}));
    }
  });
});

describe('templates as data', () => {
  it('a duplicated template is changed without touching the original', () => {
    const original = template('refund-notice');
    const before = JSON.stringify(original);
    const copy = duplicateTemplate(original, 'refund-notice-copy', '清退告知书（本办版）');
    const reworded = {
      ...copy,
      blocks: copy.blocks.map((b) => (b.kind === 'title' ? { ...b, text: '清退款项告知书' } : b)),
    };
    const parsed = parseTemplate(reworded);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.template.basedOn).toBe('refund-notice');
    expect(renderText(parsed.template, sampleDataFor('refund-notice') ?? {})).toMatch(/^清退款项告知书/);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('refuses a placeholder that names no field, an unknown block and a duplicate key', () => {
    const t = template('refund-notice');
    const typo = { ...t, blocks: [...t.blocks, { kind: 'paragraph', text: '金额：{thisBatchh}' }] };
    const r1 = parseTemplate(typo);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.errors.join()).toContain('{thisBatchh} 不是本模板的字段');
    const r2 = parseTemplate({ ...t, blocks: [{ kind: 'script', code: 'alert(1)' }] });
    expect(r2.ok).toBe(false);
    const r3 = parseTemplate({ ...t, fields: [...t.fields, t.fields[1]] });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.errors.join()).toContain('重复定义');
  });

  it('shows a block when a field equals a value', () => {
    const t = parseTemplate({
      id: 'cond',
      name: '条件测试',
      documentType: 'test',
      version: 1,
      fields: [{ key: 'method', label: '送达方式', type: 'text' }],
      blocks: [
        { kind: 'title', text: '测试' },
        { kind: 'paragraph', text: '已留置送达。', when: { field: 'method', equals: '留置送达' } },
      ],
    });
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(renderText(t.template, { method: '留置送达' })).toContain('已留置送达。');
    expect(renderText(t.template, { method: '直接送达' })).not.toContain('已留置送达。');
  });
});
