// The kept-font path must work with pdfmake's browser bundle too (the app renders PDFs in the
// renderer or a Web Worker): load build/pdfmake.js here and check what a reader gets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDocumentModel, type DocumentData, findBuiltinTemplate, sampleDataFor } from '../../../../renderer/src/core/documents';
import { forgetParsedFonts, hasParsedFont, keptFontFiles, rememberParsedFonts } from '../../../../renderer/src/core/documents/pdf-font-cache';
import { FONTS_DIR, hasTool, pdfEngine, pdfText, run, writeTemp } from './helpers';

const FONT_PATH = `${FONTS_DIR}/NotoSerifCJKsc-Regular.otf`;

interface BrowserPdfMake {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(def: unknown): { getStream(): Promise<unknown>; getBuffer(): Promise<Uint8Array> };
}

const requireCjs = createRequire(import.meta.url);

describe('kept font with the pdfmake browser bundle', () => {
  it('reuses the parsed font and still embeds a subset that prints the names', async () => {
    const pdfMake = requireCjs('pdfmake/build/pdfmake.js') as BrowserPdfMake;
    pdfMake.virtualfs.writeFileSync('browser-test.otf', new Uint8Array(readFileSync(FONT_PATH)));
    pdfMake.setUrlAccessPolicy(() => false);
    const family = 'BrowserBundleSerif';
    const make = (text: string) => {
      pdfMake.setFonts({ [family]: { normal: 'browser-test.otf', bold: 'browser-test.otf', italics: 'browser-test.otf', bolditalics: 'browser-test.otf' } });
      return pdfMake.createPdf({ content: [text], defaultStyle: { font: family, fontSize: 16 } });
    };
    const first = make('王喆、李堃');
    expect(rememberParsedFonts(await first.getStream(), family)).toBe(true);
    expect(hasParsedFont(family)).toBe(true);
    await first.getBuffer();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
    const second = await make('于赟、董昇、萧珺、林淼').getBuffer();
    // The bundle's font file was kept by its glyphs, and the same names again take it: same bytes.
    expect(keptFontFiles()).toBeGreaterThan(0);
    const third = await make('于赟、董昇、萧珺、林淼').getBuffer();
    vi.useRealTimers();
    expect(Buffer.from(third).equals(Buffer.from(second))).toBe(true);
    if (!hasTool('pdftotext')) return;
    const path = writeTemp('browser-bundle.pdf', new Uint8Array(second));
    expect(pdfText(path)).toContain('于赟、董昇、萧珺、林淼');
    expect(run('pdffonts', [path])).toMatch(/[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('refuses objects that do not look like a pdfmake document, changing nothing', () => {
    expect(rememberParsedFonts({}, 'X')).toBe(false);
    expect(rememberParsedFonts(null, 'X')).toBe(false);
    expect(hasParsedFont('X')).toBe(false);
  });
});

describe('kept font files (the embedded subsets) between PDFs', () => {
  const template = findBuiltinTemplate('refund-notice');
  const base = sampleDataFor('refund-notice') ?? {};
  const notice = (name: string, thisBatch: number): DocumentData => ({ ...base, creditor: { name, idMasked: '3710**********128X', idType: 'resident' }, thisBatch });
  const model = (data: DocumentData) => {
    if (!template) throw new Error('refund-notice template missing');
    return buildDocumentModel(template, data);
  };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the same bytes as subsetting each face afresh, for the same notice and for other data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
    const engine = await pdfEngine();
    const same = model(notice('欧阳淼', 1_234_567));
    const other = model(notice('萧珺', 9_801));
    // Afresh: nothing kept, so every face is parsed and subset by pdfmake's own path.
    forgetParsedFonts();
    const sameFresh = await engine.render(same);
    forgetParsedFonts();
    const otherFresh = await engine.render(other);
    // Kept: the second and third documents take kept font files (all faces, then all but the body's).
    forgetParsedFonts();
    await engine.render(same);
    const sameAgain = await engine.render(same);
    const sameThird = await engine.render(same);
    const otherKept = await engine.render(other);
    expect(Buffer.from(sameAgain).equals(Buffer.from(sameFresh))).toBe(true);
    expect(Buffer.from(sameThird).equals(Buffer.from(sameFresh))).toBe(true);
    expect(Buffer.from(otherKept).equals(Buffer.from(otherFresh))).toBe(true);
    expect(keptFontFiles()).toBeGreaterThan(0);
    if (!hasTool('pdftotext')) return;
    expect(pdfText(writeTemp('kept-subset.pdf', otherKept))).toContain('萧珺');
  });
});
