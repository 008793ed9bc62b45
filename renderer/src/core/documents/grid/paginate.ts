// Pages from the flow of blocks, decided once for both writers (the PDF and the DOCX then break
// pages in the same places). Rules: a text block splits at any line (no widow rule: Word's widow
// control is off in the DOCX); headings keep with the next block; a table splits between rows and
// never leaves a single row alone on a page; the 落款 (signature group) stays with the end of the
// text: if it would spill, the page's line pitch is tightened by up to one line (GB/T 9704 7.3.5),
// otherwise the last two lines of text move over with it, so no page carries only the signature;
// a 回执 is kept whole and, on a page of its own, has no page number; the 版记 sits at the foot.
// Linear in the number of blocks and lines.
import { LINE_PITCH_PT } from '../layout';
import { type Block, type BlockGroup, blockExtraPt, blockLines, type FlowItem, type LaidPage, type TableBlock, type TextBlock } from './blocks';

export interface PaginateOptions {
  /** Lines of text a page holds (22, fewer when a record reserves signing lines at its foot). */
  readonly lines: number;
}

/** A page may be tightened by at most this much to keep the 落款 with its text. */
const MAX_TIGHTENING_LINES = 1;

interface OpenPage {
  blocks: Block[];
  usedPt: number;
  pitchPt: number;
  receiptOnly: boolean;
}

export function paginate(flow: readonly FlowItem[], options: PaginateOptions): LaidPage[] {
  const pitch = LINE_PITCH_PT;
  const capacity = options.lines * pitch + 0.01;
  const pages: OpenPage[] = [];
  let page: OpenPage = { blocks: [], usedPt: 0, pitchPt: pitch, receiptOnly: false };
  const height = (b: Block) => blockLines(b) * pitch + blockExtraPt(b);
  const room = () => capacity - page.usedPt;
  const newPage = () => {
    if (page.blocks.length) pages.push(page);
    page = { blocks: [], usedPt: 0, pitchPt: pitch, receiptOnly: false };
  };
  const push = (b: Block) => {
    page.blocks.push(b);
    page.usedPt += height(b);
  };

  const placeText = (b: TextBlock) => {
    let rest = b;
    for (;;) {
      if (rest.blank && page.blocks.length === 0) return;
      if (height(rest) <= room()) return push(rest);
      const fit = Math.floor(room() / pitch + 1e-6);
      if (fit <= 0 || rest.blank) {
        if (rest.blank) return newPage();
        newPage();
        continue;
      }
      push({ ...rest, lines: rest.lines.slice(0, fit) });
      newPage();
      rest = { ...rest, lines: rest.lines.slice(fit), para: { ...rest.para, firstPt: rest.para.restPt } };
    }
  };

  const placeTable = (t: TableBlock) => {
    let rows = t.rows;
    const headerPt = t.header ? t.header.lines * pitch + 0.5 : 0;
    while (rows.length) {
      let used = headerPt + 0.5;
      let n = 0;
      while (n < rows.length && used + (rows[n]?.lines ?? 0) * pitch + 0.5 <= room()) {
        used += (rows[n]?.lines ?? 0) * pitch + 0.5;
        n++;
      }
      if (n === rows.length) return push({ ...t, rows });
      // Never a lone row: not one row at the foot of a page, nor one carried over alone.
      if (n === 1 && rows.length > 1 && page.blocks.length) n = 0;
      else if (rows.length - n === 1 && n >= 2) n--;
      if (n === 0) {
        if (page.blocks.length === 0) n = 1; // a row taller than a page: print it anyway
        else {
          newPage();
          continue;
        }
      }
      push({ ...t, rows: rows.slice(0, n) });
      newPage();
      rows = rows.slice(n);
    }
  };

  const placeSignature = (g: BlockGroup) => {
    const need = g.blocks.reduce((a, b) => a + height(b), 0);
    if (need <= room()) return g.blocks.forEach(push);
    const lines = g.blocks.reduce((a, b) => a + blockLines(b), 0);
    const usedLines = page.blocks.reduce((a, b) => a + blockLines(b), 0);
    const extra = page.blocks.reduce((a, b) => a + blockExtraPt(b), 0);
    if (usedLines + lines <= options.lines + MAX_TIGHTENING_LINES && page.blocks.length) {
      page.pitchPt = (options.lines * pitch - extra) / (usedLines + lines);
      for (const b of g.blocks) page.blocks.push(b);
      page.usedPt = capacity;
      return;
    }
    // Move the last two lines of text (or the whole last block, if shorter) to the next page.
    while (page.blocks.length && (page.blocks[page.blocks.length - 1] as Block).kind === 'text' && (page.blocks[page.blocks.length - 1] as TextBlock).blank) {
      page.blocks.pop();
    }
    const last = page.blocks[page.blocks.length - 1];
    let carried: Block[] = [];
    if (last?.kind === 'table' && last.rows.length > 1) {
      // A table's last row goes over with the signature (its header repeats above it).
      page.blocks.pop();
      page.blocks.push({ ...last, rows: last.rows.slice(0, -1) });
      carried = [{ ...last, rows: last.rows.slice(-1) }];
    } else if (last && last.kind !== 'text') {
      page.blocks.pop();
      carried = [last];
    } else if (last?.kind === 'text') {
      page.blocks.pop();
      if (last.lines.length > 2) {
        page.blocks.push({ ...last, lines: last.lines.slice(0, -2) });
        carried = [{ ...last, lines: last.lines.slice(-2), para: { ...last.para, firstPt: last.para.restPt } }];
      } else carried = [last];
    }
    newPage();
    carried.forEach(push);
    g.blocks.forEach(push);
  };

  const placeReceipt = (g: BlockGroup) => {
    const need = g.blocks.reduce((a, b) => a + height(b), 0);
    if (need > room()) {
      newPage();
      page.receiptOnly = true;
    }
    g.blocks.forEach(push);
  };

  const placeAtFoot = (b: Block) => {
    if (height(b) > room()) newPage();
    const pad = Math.floor((room() - height(b)) / pitch + 1e-6);
    if (pad > 0) push({ kind: 'text', role: 'body', sizePt: 16, cellPt: 16, lines: Array.from({ length: pad }, () => ({ text: '', x: 0 })), para: { align: 'left', firstPt: 0, restPt: 0, rightPt: 0 } });
    push(b);
  };

  const firstLinesPt = (items: readonly FlowItem[], from: number): number => {
    const next = items[from];
    if (!next || next.kind === 'pageBreak') return 0;
    if (next.kind === 'group') return next.blocks.reduce((a, b) => a + height(b), 0);
    if (next.kind === 'text') return Math.min(2, next.lines.length) * pitch + (next.keepWithNext ? firstLinesPt(items, from + 1) : 0);
    if (next.kind === 'table') return ((next.header?.lines ?? 0) + (next.rows[0]?.lines ?? 0)) * pitch + 1.5;
    return height(next);
  };

  flow.forEach((item, i) => {
    if (item.kind === 'pageBreak') newPage();
    else if (item.kind === 'group') {
      if (item.role === 'signature') placeSignature(item);
      else placeReceipt(item);
    } else if (item.kind === 'text') {
      if (item.keepWithNext && page.blocks.length && height(item) + firstLinesPt(flow, i + 1) > room()) newPage();
      placeText(item);
    } else if (item.kind === 'table') placeTable(item);
    else if (item.kind === 'colophon') placeAtFoot(item);
    else {
      if (height(item) > room()) newPage();
      push(item);
    }
  });
  if (page.blocks.length || pages.length === 0) pages.push(page);
  return pages.map((p) => ({ blocks: p.blocks, pitchPt: p.pitchPt, noNumber: p.receiptOnly }));
}
