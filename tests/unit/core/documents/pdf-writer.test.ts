// Checks the PDF as a reader gets it: pdftotext (the data is there, rare name characters included),
// pdffonts (only the embedded subset CJK font, no Helvetica), pdfinfo (page count).
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_TEMPLATES,
  buildDocumentModel,
  type DocumentData,
  findBuiltinTemplate,
  sampleDataFor,
} from '../../../../renderer/src/core/documents';
import { hasTool, pdfEngine, pdfPages, pdfText, run, writeTemp } from './helpers';

const poppler = hasTool('pdftotext') && hasTool('pdffonts') && hasTool('pdfinfo');
if (!poppler) console.log('skipped PDF reader checks: poppler-utils is not installed (apt-get install poppler-utils)');

function model(id: string, patch: DocumentData = {}) {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return buildDocumentModel(t, { ...(sampleDataFor(id) ?? {}), ...patch });
}

const EXPECTED_PAGES: Record<string, number> = {
  'inquiry-notice': 2,
  'inspection-record': 3,
  'rectification-notice': 2,
  'case-transfer-letter': 3,
  'mediation-agreement': 2,
  'refund-notice': 1,
  'service-receipt': 1,
  'work-report': 2,
};

describe.skipIf(!poppler)('PDF writer', () => {
  it('prints the data, names with rare characters included, in the embedded subset font only', async () => {
    const path = writeTemp('inspection.pdf', await pdfEngine().render(model('inspection-record')));
    const text = pdfText(path);
    for (const name of ['李堃', '萧珺', '于赟', '董昇', '林淼']) expect(text).toContain(name);
    expect(text).toContain('鲁执37100021003');
    expect(text).toContain('被检查单位（人）拒绝签名');
    const fonts = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    expect(run('pdffonts', [path])).not.toMatch(/Helvetica/);
  });

  it('prints 王喆 and the amounts in figures and capitals on a one-page refund notice', async () => {
    const path = writeTemp('refund.pdf', await pdfEngine().render(model('refund-notice', { creditor: { name: '王喆', idMasked: '3710**********1234' } })));
    const text = pdfText(path);
    expect(text).toContain('王喆');
    expect(text).toContain('人民币18,750.00元（大写：壹万捌仟柒佰伍拾元整）');
    expect(text).toContain('威处非清〔2021〕108号');
    expect(text).toContain('2021年12月6日');
    expect(text).toContain('—1—');
    expect(pdfPages(path)).toBe(1);
  });

  it('repeats the signature prompts and 第N页 共M页 on every page of an inspection record', async () => {
    const path = writeTemp('record.pdf', await pdfEngine().render(model('inspection-record')));
    const pages = pdfPages(path);
    expect(pages).toBe(3);
    for (let p = 1; p <= pages; p++) {
      const page = run('pdftotext', ['-f', String(p), '-l', String(p), path, '-']).replace(/\s+/g, '');
      expect(page).toContain('被检查单位（人）签名：');
      expect(page).toContain('检查人员签名：');
      expect(page).toContain(`第${p}页共${pages}页`);
    }
  });

  it('lays out every template on the expected number of pages', async () => {
    for (const t of BUILTIN_TEMPLATES) {
      const path = writeTemp(`${t.id}.pdf`, await pdfEngine().render(model(t.id)));
      expect(pdfPages(path), t.id).toBe(EXPECTED_PAGES[t.id]);
      expect(pdfText(path)).toContain(t.name.replace(/\s/g, '').slice(0, 2));
    }
  });

  it('numbers pages within each document when several share one PDF', async () => {
    const path = writeTemp('two.pdf', await pdfEngine().render([model('inquiry-notice'), model('inspection-record')]));
    expect(pdfPages(path)).toBe(5);
    const page3 = run('pdftotext', ['-f', '3', '-l', '3', path, '-']).replace(/\s+/g, '');
    expect(page3).toContain('第1页共3页');
    const page2 = run('pdftotext', ['-f', '2', '-l', '2', path, '-']).replace(/\s+/g, '');
    expect(page2).toContain('—2—');
  });

  it('keeps the parsed font after the first document and still prints correctly', async () => {
    const engine = pdfEngine();
    await engine.render(model('refund-notice'));
    expect(engine.fontIsKept()).toBe(true);
    const path = writeTemp('again.pdf', await engine.render(model('refund-notice', { creditor: { name: '于赟', idMasked: '3710**********0011' } })));
    expect(pdfText(path)).toContain('于赟');
    expect(run('pdffonts', [path])).toMatch(/\+NotoSerifCJKsc-Regular/);
  });
});
