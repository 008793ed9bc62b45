// A few pages kept as reference images (tests/fixtures/documents/*.png): a layout change shows up
// as a failed comparison. When a change is intended, look at the new page (written beside the test
// output) and run with UPDATE_REFERENCE_PAGES=1 to keep it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, findBuiltinTemplate, sampleDataFor } from '../../../../renderer/src/core/documents';
import { hasTool, pdfEngine, run, tempDir, writeTemp } from './helpers';
import { readGrayPng } from './png-gray';

const REFERENCES = join(__dirname, '../../../fixtures/documents');
const PAGES: readonly (readonly [template: string, page: number])[] = [
  ['inquiry-notice', 1],
  ['inspection-record', 1],
  ['case-transfer-letter', 1],
  ['case-transfer-letter', 3],
  ['service-receipt', 1],
];

async function renderPage(id: string, page: number): Promise<Uint8Array> {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  const pdf = writeTemp(`${id}.pdf`, await (await pdfEngine()).render(buildDocumentModel(t, sampleDataFor(id) ?? {})));
  const base = join(tempDir(), 'page');
  run('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), '-singlefile', '-png', pdf, base]);
  return new Uint8Array(readFileSync(`${base}.png`));
}

describe.skipIf(!hasTool('pdftoppm'))('pages as reference images', () => {
  it.each(PAGES)('%s page %i looks as it did', async (id, page) => {
    const file = join(REFERENCES, `${id}-${page}.png`);
    const now = await renderPage(id, page);
    if (process.env.UPDATE_REFERENCE_PAGES) writeFileSync(file, now);
    expect(existsSync(file), `${file} is missing: run with UPDATE_REFERENCE_PAGES=1 to keep this page`).toBe(true);
    const a = readGrayPng(new Uint8Array(readFileSync(file)));
    const b = readGrayPng(now);
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    let differing = 0;
    for (let i = 0; i < a.pixels.length; i++) if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 64) differing++;
    const share = differing / a.pixels.length;
    if (share > 0.002) writeFileSync(join(tempDir(), `${id}-${page}.png`), now);
    expect(share, `${id} page ${page}: ${(share * 100).toFixed(2)}% of the pixels changed`).toBeLessThan(0.002);
  });
});
