// Checks the PDF as a reader gets it (poppler): pdffonts (a distinct embedded subset face per role),
// pdftotext -bbox-layout (28 characters on every full body line), page counts, rare name characters
// printed from the fallback face, and no page carrying only the signature block.
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, buildDocumentModel, type DocumentData, findBuiltinTemplate, sampleDataFor } from '../../../../renderer/src/core/documents';
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
  'inspection-record': 4,
  'rectification-notice': 2,
  'case-transfer-letter': 4,
  'mediation-agreement': 2,
  'refund-notice': 2,
  'service-receipt': 1,
  'work-report': 2,
  'commitment-letter': 1,
  'reward-notice': 2,
  'risk-notice': 1,
};

/** Each printed line of each page: its characters and left/right edges (pdftotext -bbox-layout). */
function bboxLines(path: string): { page: number; text: string; xMin: number; xMax: number }[] {
  const xml = run('pdftotext', ['-bbox-layout', path, '-']);
  const out: { page: number; text: string; xMin: number; xMax: number }[] = [];
  let page = 0;
  for (const part of xml.split(/<page /).slice(1)) {
    page++;
    for (const m of part.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const words = [...(m[3] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      out.push({ page, text: words, xMin: Number(m[1]), xMax: Number(m[2]) });
    }
  }
  return out;
}

const LEFT_PT = (28 * 72) / 25.4;
const RIGHT_EDGE_PT = 595.28 - (26 * 72) / 25.4;

describe.skipIf(!poppler)('PDF writer', () => {
  it('embeds a distinct subset face for title, body and headings, and nothing else', async () => {
    for (const id of ['case-transfer-letter', 'inspection-record']) {
      const path = writeTemp(`${id}.pdf`, await (await pdfEngine()).render(model(id)));
      const fonts = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
      const names = fonts.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ''));
      expect(names, id).toContain('NotoSerifCJKsc-Bold'); // title 小标宋 stand-in
      expect(names, id).toContain('ZhuqueFangsong-Regular'); // body 仿宋
      expect(names, id).toContain('NotoSansCJKsc-Regular'); // heading 黑体
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+.*\s+yes\s+yes\s+yes/);
      expect(run('pdffonts', [path])).not.toMatch(/Helvetica/);
    }
  });

  it('sets 28 characters on every full body line, the line ending at the right margin', async () => {
    const path = writeTemp('grid.pdf', await (await pdfEngine()).render(model('rectification-notice')));
    const lines = bboxLines(path).filter((l) => l.xMin < LEFT_PT + 2 && !/[0-9A-Za-z*]/.test(l.text));
    const full = lines.filter((l) => l.xMax > RIGHT_EDGE_PT - 4);
    expect(full.length).toBeGreaterThan(3);
    for (const l of full) expect(Array.from(l.text).length, l.text).toBe(28);
    // Nothing is stretched past the margin.
    for (const l of bboxLines(path)) expect(l.xMax, l.text).toBeLessThan(RIGHT_EDGE_PT + 1);
  });

  it('prints a name character the 仿宋 face lacks from the fallback face, never as a box', async () => {
    const engine = await pdfEngine();
    expect(engine.faces.roles.body.has('頔'.codePointAt(0) ?? 0)).toBe(false);
    const path = writeTemp('fallback.pdf', await engine.render(model('refund-notice', { creditor: { name: '赵頔', idMasked: '3710**********1234' } })));
    expect(pdfText(path)).toContain('赵頔');
    expect(run('pdffonts', [path])).toMatch(/\+NotoSerifCJKsc-Regular/);
  });

  it('lays out every template on the expected pages, and no page carries only the signature', async () => {
    for (const t of BUILTIN_TEMPLATES) {
      const path = writeTemp(`${t.id}.pdf`, await (await pdfEngine()).render(model(t.id)));
      const pages = pdfPages(path);
      expect(pages, t.id).toBe(EXPECTED_PAGES[t.id]);
      const office = String(sampleDataFor(t.id)?.officeName ?? '');
      const date = /^(\d{4})-(\d\d)-(\d\d)$/.exec(String(sampleDataFor(t.id)?.issueDate ?? sampleDataFor(t.id)?.mediationDate ?? ''));
      for (let p = 1; p <= pages; p++) {
        const lines = bboxLines(path).filter((l) => l.page === p && !/^—\d+—$|^第\d+页共\d+页$/.test(l.text.replace(/\s/g, '')));
        const rest = lines.filter((l) => l.text !== office && !(date && l.text === `${Number(date[1])}年${Number(date[2])}月${Number(date[3])}日`));
        expect(rest.length, `${t.id} page ${p} holds only the signature`).toBeGreaterThan(0);
      }
    }
  });

  it('repeats signing lines for the inspected party and each inspector, and 第N页 共M页, on every page of a record', async () => {
    const path = writeTemp('record.pdf', await (await pdfEngine()).render(model('inspection-record')));
    const pages = pdfPages(path);
    for (let p = 1; p <= pages; p++) {
      const page = run('pdftotext', ['-f', String(p), '-l', String(p), path, '-']).replace(/\s+/g, '');
      expect(page).toContain('被检查单位（人）签名：＿＿＿＿');
      expect(page).toContain('检查人员签名：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿');
      expect(page).toContain(`第${p}页共${pages}页`);
    }
    const text = pdfText(path);
    expect(text).toContain('（以下空白）');
    expect(text).toContain('已向被检查单位（人）宣读');
    expect(text).not.toContain('已交被检查单位（人）核对');
  });

  it('numbers pages within each document when several share one PDF, and keeps the parsed fonts', async () => {
    const engine = await pdfEngine();
    const path = writeTemp('two.pdf', await engine.render([model('inquiry-notice'), model('inspection-record')]));
    expect(pdfPages(path)).toBe(6);
    expect(run('pdftotext', ['-f', '3', '-l', '3', path, '-']).replace(/\s+/g, '')).toContain('第1页共4页');
    expect(run('pdftotext', ['-f', '2', '-l', '2', path, '-']).replace(/\s+/g, '')).toContain('—2—');
    expect(engine.fontIsKept()).toBe(true);
  });

  it('marks every page of a voided copy 作废', async () => {
    const path = writeTemp('void.pdf', await (await pdfEngine()).render(model('inquiry-notice'), { voided: true }));
    for (let p = 1; p <= pdfPages(path); p++) {
      expect(run('pdftotext', ['-f', String(p), '-l', String(p), path, '-']).replace(/\s+/g, '')).toContain('作废');
    }
  });
});
