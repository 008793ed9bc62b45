// The GB/T 9704 grid rules of the engine: 28 cells a line, 避头尾, unbreakable runs, pages of 22
// lines, the 落款 never alone, tables without a lone row, the 回执 stub, the 版记 at the foot.
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, findBuiltinTemplate, sampleDataFor } from '../../../../renderer/src/core/documents';
import type { Block, FlowItem, TextBlock } from '../../../../renderer/src/core/documents/grid/blocks';
import { layoutDocument } from '../../../../renderer/src/core/documents/grid/layout-document';
import { breakLines, widthInHalfCells } from '../../../../renderer/src/core/documents/grid/line-breaking';
import { paginate } from '../../../../renderer/src/core/documents/grid/paginate';

const LINE = 56; // half cells

function text(lines: number, keep = false): TextBlock {
  return {
    kind: 'text',
    role: 'body',
    sizePt: 16,
    cellPt: 15.79,
    lines: Array.from({ length: lines }, (_, i) => ({ text: `第${i + 1}行`, x: 0 })),
    para: { align: 'left', firstPt: 0, restPt: 0, rightPt: 0 },
    ...(keep ? { keepWithNext: true } : {}),
  };
}

const signature = (): FlowItem => ({ kind: 'group', role: 'signature', blocks: [{ ...text(2), blank: true }, text(2)] });

describe('line breaking on the grid', () => {
  it('puts 28 characters on a full line and 26 after the two-character indent', () => {
    const lines = breakLines('字'.repeat(28 * 3), LINE, 4);
    expect(lines.map((l) => Array.from(l.text).length)).toEqual([26, 28, 28, 2]);
  });

  it('counts ASCII as half a cell: 56 digits fill a line', () => {
    expect(breakLines('1'.repeat(56), LINE)).toHaveLength(1);
    expect(widthInHalfCells('2021年3月18日')).toBe(4 + 2 + 1 + 2 + 2 + 2);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket (避头尾)', () => {
    // 27 characters, then a comma in the 29th cell's place: the comma takes the last character along.
    const lines = breakLines(`${'字'.repeat(28)}，后文（括号内）`, LINE);
    expect(lines[0]?.text.endsWith('字')).toBe(true);
    expect(lines[1]?.text.startsWith('字，')).toBe(true);
    const open = breakLines(`${'字'.repeat(27)}（括号）`, LINE);
    expect(open[0]?.text.endsWith('（')).toBe(false);
    expect(open[1]?.text.startsWith('（括')).toBe(true);
    for (const l of breakLines('甲，乙。丙、丁；'.repeat(40), LINE)) expect(l.text).not.toMatch(/^[，。、；：？！）》”]/);
  });

  it('keeps a phone number, an account and an amount whole, leaving the line short rather than stretched', () => {
    const lines = breakLines(`${'字'.repeat(22)}联系电话0631-5288123`, LINE);
    expect(lines[1]?.text).toContain('0631-5288123');
    expect(lines[0]?.width).toBeLessThan(LINE);
    for (const l of breakLines(`人民币${'字'.repeat(20)}9,375,000.00元`, LINE)) expect(l.text.includes('9,375') === l.text.includes('000.00')).toBe(true);
  });

  it('cuts a run longer than a whole line at the cell boundary', () => {
    const lines = breakLines('9'.repeat(130), LINE);
    expect(lines.map((l) => l.width)).toEqual([56, 56, 18]);
  });

  it('never splits a doubled dash or ellipsis', () => {
    const lines = breakLines(`${'字'.repeat(27)}——后文`, LINE);
    expect(lines.some((l) => l.text.endsWith('—') && !l.text.endsWith('——'))).toBe(false);
    expect(lines[1]?.text.startsWith('——')).toBe(false);
  });

  it('breaks 50,000 characters of an unbroken title into full lines (the layout is linear: one pass)', () => {
    const lines = breakLines('某'.repeat(50_000), LINE);
    expect(lines).toHaveLength(Math.ceil(50_000 / 28));
    expect(lines.slice(0, -1).every((l) => l.width === LINE)).toBe(true);
  });
});

describe('pages of 22 lines', () => {
  const lines = (blocks: readonly Block[]) => blocks.reduce((a, b) => a + (b.kind === 'text' ? b.lines.length : 0), 0);

  it('fills 22 lines, then splits a paragraph at any line', () => {
    const pages = paginate([text(30)], { lines: 22 });
    expect(pages.map((p) => lines(p.blocks))).toEqual([22, 8]);
  });

  it('moves the last two lines of text with a 落款 that would spill, so no page carries only the signature', () => {
    const pages = paginate([text(15), text(5), signature()], { lines: 22 });
    expect(pages).toHaveLength(2);
    const second = pages[1]?.blocks ?? [];
    expect(second[0]?.kind === 'text' && !second[0].blank && second[0].lines.length).toBe(2);
    expect(lines(pages[0]?.blocks ?? [])).toBe(15 + 3);
  });

  it('tightens the line pitch when the 落款 is one line short of fitting (GB/T 9704 7.3.5)', () => {
    const pages = paginate([text(19), signature()], { lines: 22 });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.pitchPt).toBeCloseTo((22 * 28.95) / 23, 3);
  });

  it('keeps a heading with the text after it', () => {
    const pages = paginate([text(21), text(1, true), text(3)], { lines: 22 });
    expect(pages[1]?.blocks[0]).toMatchObject({ keepWithNext: true });
  });

  it('never leaves a single table row alone at the foot or the head of a page', () => {
    const row = { cells: [{ lines: [{ text: '材料', x: 0 }], role: 'body' as const, align: 'left' as const }], lines: 1 };
    const table = { kind: 'table' as const, widths: [442], header: row, rows: Array.from({ length: 5 }, () => row) };
    const foot = paginate([text(19), table], { lines: 22 });
    for (const p of foot) for (const b of p.blocks) if (b.kind === 'table') expect(b.rows.length).toBeGreaterThan(1);
    const head = paginate([text(15), table], { lines: 22 });
    for (const p of head) for (const b of p.blocks) if (b.kind === 'table') expect(b.rows.length).toBeGreaterThan(1);
  });

  it('puts a 回执 that does not fit on a page of its own, without a page number', () => {
    const receipt: FlowItem = { kind: 'group', role: 'receipt', blocks: [{ kind: 'cut', text: '（沿此线剪开）' }, text(8)] };
    const pages = paginate([text(18), receipt], { lines: 22 });
    expect(pages.map((p) => p.noNumber)).toEqual([false, true]);
  });

  it('sets the 版记 so that its last line is the last line of the page', () => {
    const doc = layoutDocument(buildDocumentModel(findBuiltinTemplate('case-transfer-letter') ?? assertNever(), sampleDataFor('case-transfer-letter') ?? {}));
    const page = doc.pages.find((p) => p.blocks.some((b) => b.kind === 'colophon'));
    const used = (page?.blocks ?? []).reduce((a, b) => a + (b.kind === 'text' ? b.lines.length : b.kind === 'colophon' ? b.copyTo.length + b.printed.length : b.kind === 'table' ? 0 : 2), 0);
    expect(page?.blocks.at(-1)?.kind).toBe('colophon');
    expect(used).toBe(22);
    // The 回执 after it has a page of its own, with no page number.
    expect(doc.pages.at(-1)?.noNumber).toBe(true);
  });

  it('prints no page number on a one-page 送达回证', () => {
    const doc = layoutDocument(buildDocumentModel(findBuiltinTemplate('service-receipt') ?? assertNever(), sampleDataFor('service-receipt') ?? {}));
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]?.noNumber).toBe(true);
  });
});

function assertNever(): never {
  throw new Error('template missing');
}
