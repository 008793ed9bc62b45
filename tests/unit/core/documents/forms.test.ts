// Each form as practice has it: prefilled text never doubles a word, every cited article is one
// checked against the law's text, ID numbers are labelled by type, fonts fall back per character,
// and the DOCX names a font that has every character.
import { describe, expect, it } from 'vitest';
import type { CaseFile, CaseParty } from '../../../../renderer/src/core/cases/case-file';
import {
  BUILTIN_TEMPLATES,
  buildDocumentModel,
  type DocumentData,
  findBuiltinTemplate,
  modelText,
  openFaceSet,
  renderDocxWithNotes,
  sampleDataFor,
} from '../../../../renderer/src/core/documents';
import { lineRuns } from '../../../../renderer/src/core/documents/grid/runs';
import { idLabel } from '../../../../renderer/src/core/documents/id-label';
import { DEFAULT_SETTINGS } from '../../../../renderer/src/core/settings/app-settings';
import { chargeName, prefillData } from '../../../../renderer/src/ui/pages/documents/prefill';
import { docxPart, faceSources, hasTool, pdfEngine, pdfPages, writeTemp } from './helpers';

const caseFile = {
  id: 'c1',
  caseNumber: '威公经〔2021〕18号',
  title: '威海市安康颐养养老服务有限公司涉嫌非法吸收公众存款案',
  charge: '非法吸收公众存款',
  sector: '养老',
  district: '环翠区',
  leadUnit: '威海市地方金融监督管理局',
  officers: ['李堃', '萧珺'],
} as unknown as CaseFile;
const parties = [
  { id: 'p1', caseId: 'c1', kind: 'firm', name: '威海市安康颐养养老服务有限公司', role: '涉案企业', idNumber: '91371002MA3C2Y8K4P', note: '', order: 0 },
  { id: 'p2', caseId: 'c1', kind: 'person', name: '董昇', role: '法定代表人', idNumber: '371002195803152419', note: '', order: 1 },
] as unknown as CaseParty[];
const settings = { ...DEFAULT_SETTINGS, officeName: '威海市防范和处置非法集资工作领导小组办公室', operatorName: '王喆' };

/** What a new document of each template says right after it is prefilled from a case. */
function prefilledText(id: string): string {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return modelText(buildDocumentModel(t, prefillData(t, { caseFile, parties }, settings, new Date('2021-04-20T09:00:00+08:00'))));
}

/** Article citations checked against the texts (防范和处置非法集资条例, 国务院令第737号, and the others). */
const CHECKED_CITATIONS = new Set([
  '《防范和处置非法集资条例》第二十一条第一款第二项', // 询问与被调查事件有关的单位和个人
  '《防范和处置非法集资条例》第三十六条', // 不配合调查的责任
  '《防范和处置非法集资条例》第四条', // 国家禁止任何形式的非法集资
  '《防范和处置非法集资条例》第十八条', // 警示约谈，责令整改
  '《防范和处置非法集资条例》第二十三条第一款', // 涉嫌犯罪的，及时移送公安机关
  '《行政执法机关移送涉嫌犯罪案件的规定》第三条', // 必须向公安机关移送
  '《中华人民共和国行政复议法》第二十条', // 六十日内申请行政复议
  '《中华人民共和国行政诉讼法》第四十六条', // 六个月内提起行政诉讼
  '《防范和处置非法集资条例》第二十五条、第二十六条', // 清退集资资金及其来源
]);

function citations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/《[^》]+》第[一二三四五六七八九十百]+条(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?(?:、第[一二三四五六七八九十百]+条)*/g)) out.push(m[0]);
  return out;
}

describe('forms as practice has them', () => {
  it('never doubles a word where a prefilled field meets the template wording', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const text = prefilledText(t.id);
      expect(text, t.id).not.toMatch(/涉嫌涉嫌|罪罪|的的|，，|。。|（（|））/);
      const doubled = [...text.matchAll(/([\u4e00-\u9fff]{2,})\1/g)].map((m) => m[0]);
      expect(doubled, t.id).toEqual([]);
    }
    expect(prefilledText('case-transfer-letter')).toContain('涉嫌非法吸收公众存款罪');
    expect(chargeName('涉嫌集资诈骗')).toBe('集资诈骗罪');
    expect(chargeName('非法放贷')).toBe('非法放贷');
  });

  it('cites only articles checked against the law texts, from template data an office can correct', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const sources = [...t.fields.map((f) => f.default ?? ''), modelText(buildDocumentModel(t, sampleDataFor(t.id) ?? {}))];
      for (const c of sources.flatMap(citations)) expect(CHECKED_CITATIONS.has(c), `${t.id}: ${c}`).toBe(true);
    }
    const inquiry = findBuiltinTemplate('inquiry-notice');
    expect(inquiry?.fields.find((f) => f.key === 'legalBasis')?.default).toContain('第二十一条');
  });

  it('puts the office above the title of a notice, and the remedy notice on a rectification notice', () => {
    const inquiry = prefilledText('inquiry-notice').split('\n');
    expect(inquiry[0]).toBe(settings.officeName);
    expect(inquiry[1]).toBe('联合执法询问通知书');
    const rect = modelText(buildDocumentModel(findBuiltinTemplate('rectification-notice') ?? fail(), sampleDataFor('rectification-notice') ?? {}));
    expect(rect).toContain('六十日内向威海市人民政府申请行政复议');
    expect(rect).toContain('六个月内向威海市环翠区人民法院提起行政诉讼');
  });

  it('labels an ID number by its type: 护照号码, 港澳居民来往内地通行证号码, not always 身份证号码', () => {
    expect(idLabel('passport')).toBe('护照号码');
    expect(idLabel('hk_macau')).toBe('港澳居民来往内地通行证号码');
    expect(idLabel(undefined, 'H12345678')).toBe('港澳居民来往内地通行证号码');
    expect(idLabel(undefined, '371002195803152419')).toBe('身份证号码');
    const t = findBuiltinTemplate('refund-notice') ?? fail();
    const data: DocumentData = { ...(sampleDataFor('refund-notice') ?? {}), creditor: { name: 'John Smith', idType: 'passport', idMasked: 'E1****678' } };
    expect(modelText(buildDocumentModel(t, data))).toContain('John Smith（护照号码：E1****678）：');
  });
});

describe('fonts per character', () => {
  it('prints a character the role face lacks from the fallback, and a proportional quote full-width', async () => {
    const faces = openFaceSet(await faceSources());
    const runs = lineRuns('赵頔说“好”', 'body', faces, 16, 15.79);
    expect(runs.map((r) => [r.text, r.face.id])).toEqual([
      ['赵', 'bundled-body'],
      ['頔', 'bundled-fallback'],
      ['说', 'bundled-body'],
      ['“', 'bundled-fallback'],
      ['好', 'bundled-body'],
      ['”', 'bundled-fallback'],
    ]);
    // Every run fills exactly its grid cells.
    expect(runs.reduce((a, r) => a + r.widthPt, 0)).toBeCloseTo(6 * 15.79, 6);
  });

  it('names a font that has 堃 and 喆 in the DOCX, tells which, and sets zh-CN with font alternates', async () => {
    const t = findBuiltinTemplate('inquiry-notice') ?? fail();
    const out = await renderDocxWithNotes(buildDocumentModel(t, sampleDataFor('inquiry-notice') ?? {}));
    expect(out.substitutions.map((s) => [s.char, s.instead, s.font])).toEqual([['喆', '仿宋_GB2312', '仿宋']]);
    const xml = docxPart(out.bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:rFonts w:ascii="仿宋" w:cs="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋"\/><\/w:rPr><w:t[^>]*>喆<\/w:t>/);
    const fonts = docxPart(out.bytes, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(docxPart(out.bytes, 'word/styles.xml')).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"');
    expect(docxPart(out.bytes, 'word/settings.xml')).toContain('w:eastAsia="zh-CN"');
  });
});

function fail(): never {
  throw new Error('template missing');
}

describe('送达回证 as served by hand', () => {
  const t = findBuiltinTemplate('service-receipt');
  if (!t) throw new Error('service-receipt');

  it('leaves the time of service to be written to the minute when it was not typed, and gives the witness a date line', () => {
    const { servedAt: _typed, ...rest } = sampleDataFor('service-receipt') ?? {};
    const text = modelText(buildDocumentModel(t, rest));
    expect(text).toContain('年　　月　　日　　时　　分');
    expect(text).not.toContain('________');
    const witness = text.slice(text.indexOf('见证人（签名）'));
    expect(witness).toMatch(/刘焱\s*年　　月　　日/);
  });

  it.skipIf(!hasTool('pdfinfo'))('stays on one page with the write-in time and the witness date', async () => {
    const { servedAt: _typed, ...rest } = sampleDataFor('service-receipt') ?? {};
    const pdf = writeTemp('service-receipt-by-hand.pdf', await (await pdfEngine()).render(buildDocumentModel(t, rest)));
    expect(pdfPages(pdf)).toBe(1);
  });

  it('prints the typed time of service as typed', () => {
    const text = modelText(buildDocumentModel(t, sampleDataFor('service-receipt') ?? {}));
    expect(text).toContain('2021年4月9日15时20分');
    expect(text).not.toContain('时　　分');
  });
});
