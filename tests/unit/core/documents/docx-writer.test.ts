// Checks the DOCX as Word reads it: the XML inside the zip, and LibreOffice's page count.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_TEMPLATES,
  buildDocumentModel,
  findBuiltinTemplate,
  renderDocx,
  sampleDataFor,
} from '../../../../renderer/src/core/documents';
import { docxPart, docxPartNames, hasTool, tempDir, writeTemp } from './helpers';

function model(id: string) {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return buildDocumentModel(t, sampleDataFor(id) ?? {});
}

/** Pages each sample takes when LibreOffice lays out the DOCX. */
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

describe('DOCX writer (GB/T 9704-2012)', () => {
  it('writes A4 in twips and the 37/35/28/26 mm margins', async () => {
    const xml = docxPart(await renderDocx(model('refund-notice')), 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets body text 16 pt on exact 28 pt lines, title 22 pt, with eastAsia font names', async () => {
    const bytes = await renderDocx(model('case-transfer-letter'));
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).not.toContain('lineRule="exactly"');
    // Each paragraph names its role's style; the style carries font (all four slots), size and condensing.
    for (const style of ['GridText', 'GridTitle', 'GridHeading1']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    const styles = docxPart(bytes, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="GridText">.*?<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:styleId="GridTitle">.*?w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>/);
    expect(styles).toMatch(/w:styleId="GridHeading1">.*?w:eastAsia="黑体"/);
    expect(styles).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    expect(xml).toContain('移送材料');
  });

  it('uses the stock Windows fonts when asked', async () => {
    const xml = docxPart(await renderDocx(model('refund-notice'), { fontSet: 'stockWindows' }), 'word/styles.xml');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).not.toContain('仿宋_GB2312');
    expect(xml).not.toContain('方正小标宋简体');
  });

  it('puts "— N —" page numbers in even and odd footers (odd right, even left)', async () => {
    const bytes = await renderDocx(model('inquiry-notice'));
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders');
    const footers = docxPartNames(bytes).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    const xmls = footers.map((f) => docxPart(bytes, f));
    expect(xmls.every((x) => x.includes('PAGE'))).toBe(true);
    expect(xmls.some((x) => x.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(xmls.some((x) => x.includes('<w:jc w:val="left"/>'))).toBe(true);
    expect(xmls.join()).toContain('— ');
    expect(xmls.join()).toContain('w:eastAsia="宋体"');
  });

  it('puts signature lines and 第N页 共M页 (PAGE/NUMPAGES) in every footer of an inspection record', async () => {
    const bytes = await renderDocx(model('inspection-record'));
    const footers = docxPartNames(bytes).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) {
      const x = docxPart(bytes, f);
      expect(x).toContain('被检查单位（人）签名：');
      expect(x).toContain('检查人员签名：');
      expect(x).toContain('SECTIONPAGES');
      expect(x).toMatch(/PAGE/);
    }
  });

  it('never embeds a font', async () => {
    const names = docxPartNames(await renderDocx(model('refund-notice')));
    expect(names.some((n) => n.startsWith('word/fonts/') || /\.(odttf|ttf|otf)$/i.test(n))).toBe(false);
  });

  const soffice = hasTool('soffice');
  it.skipIf(!soffice)('every template opens in LibreOffice, starting each of the engine\'s pages on a page of its own', async () => {
    const dir = tempDir();
    const script = join(__dirname, '../../../../../shared/tools/render-docx.sh');
    for (const t of BUILTIN_TEMPLATES) {
      const path = writeTemp(`${t.id}.docx`, await renderDocx(model(t.id)));
      const pages = Number(execFileSync(script, [path, dir], { encoding: 'utf8' }).trim().split('\n').pop());
      // LibreOffice maps the official names to Noto CJK here (wider digits, CJK–Latin spacing), so a
      // line with many digits may wrap once more: never fewer pages than the engine decided.
      expect(pages, t.id).toBeGreaterThanOrEqual(EXPECTED_PAGES[t.id] ?? 0);
      expect(pages, t.id).toBeLessThanOrEqual((EXPECTED_PAGES[t.id] ?? 0) + 2);
    }
  }, 600_000); // LibreOffice opens every template in turn: minutes on a busy 2-core machine
  if (!soffice) console.log('skipped LibreOffice page counts: soffice is not installed (apt-get install libreoffice-writer-nogui)');
});
