// Document model → blocks of placed lines on the GB/T 9704 grid (body 28 cells of 3号 a line,
// titles in 2号 cells), independent of the fonts: every non-ASCII character takes a full cell and
// printable ASCII half a cell, as 仿宋_GB2312 in Word sets them.
import type { DocumentModel, DocumentNode } from '../document-model';
import type { FontRole } from '../fonts/faces';
import { BODY_SIZE_PT, CHAR_PITCH_PT, PAGE_NUMBER_SIZE_PT, TEXT_WIDTH_PT, TITLE_SIZE_PT } from '../layout';
import { signatureIndents } from '../signature-layout';
import type { Block, FlowItem, LaidLine, ParagraphPlacement, TableBlock, TableRow, TextBlock } from './blocks';
import { breakLines, widthInHalfCells } from './line-breaking';

export const LETTERHEAD_SIZE_PT = 26; // 一号
export const LETTERHEAD_COLOR = '#C8102E';
/** Left and right padding inside a table cell (points). */
export const CELL_PAD_PT = 4;

export interface Placement {
  readonly cellPt: number;
  readonly widthPt: number;
  readonly firstIndent?: number;
  readonly restIndent?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Half cells kept free at the right (right-aligned lines). */
  readonly rightIndent?: number;
}

export function paragraphPlacement(p: Placement): ParagraphPlacement {
  const half = p.cellPt / 2;
  return { align: p.align ?? 'left', firstPt: (p.firstIndent ?? 0) * half, restPt: (p.restIndent ?? 0) * half, rightPt: (p.rightIndent ?? 0) * half };
}

/** Breaks text on the grid of `cellPt` and places each line in `widthPt`. */
export function placeLines(text: string, p: Placement): LaidLine[] {
  const half = p.cellPt / 2;
  const lineHalf = Math.floor(p.widthPt / half + 1e-6);
  const first = p.firstIndent ?? 0;
  const rest = p.restIndent ?? 0;
  const right = p.rightIndent ?? 0;
  // Continuation lines are `rest` shorter: break as a narrower column, then shift.
  const lines = rest > 0 && rest < lineHalf ? breakLines(text, lineHalf - rest, first - rest) : breakLines(text, lineHalf - right, first);
  return lines.map((l, i) => {
    const indent = i === 0 ? first : rest;
    const w = l.width * half;
    const x =
      p.align === 'center' ? Math.max(0, (p.widthPt - w) / 2) : p.align === 'right' ? Math.max(0, p.widthPt - w - right * half) : indent * half;
    return { text: l.text, x };
  });
}

const BODY: Placement = { cellPt: CHAR_PITCH_PT, widthPt: TEXT_WIDTH_PT };
const CHARS = 28;
const TITLE: Placement = { cellPt: TITLE_SIZE_PT, widthPt: TEXT_WIDTH_PT, align: 'center' };

const LEFT: ParagraphPlacement = { align: 'left', firstPt: 0, restPt: 0, rightPt: 0 };

function textBlock(role: FontRole, lines: LaidLine[], extra: Partial<TextBlock> = {}): TextBlock {
  const title = role === 'title';
  return { kind: 'text', role, sizePt: title ? TITLE_SIZE_PT : BODY_SIZE_PT, cellPt: title ? TITLE_SIZE_PT : CHAR_PITCH_PT, lines, para: LEFT, ...extra };
}

/** Lines of text placed by `p`, as a block that remembers how (for the DOCX paragraph). */
function placed(role: FontRole, text: string, p: Placement, extra: Partial<TextBlock> = {}): TextBlock {
  return textBlock(role, placeLines(text, p), { para: paragraphPlacement(p), ...extra });
}

const blank = (n = 1): TextBlock => textBlock('body', Array.from({ length: n }, () => ({ text: '', x: 0 })), { blank: true });

function cellLines(text: string, widthPt: number, align: 'left' | 'center'): LaidLine[] {
  const content = widthPt - 2 * CELL_PAD_PT;
  return text.split('\n').flatMap((t) => placeLines(t, { cellPt: CHAR_PITCH_PT, widthPt: content, align }));
}

function row(texts: readonly string[], widths: readonly number[], roles: readonly FontRole[], minLines = 1, centerFirst = true): TableRow {
  const cells = texts.map((t, i) => {
    const align = centerFirst && i === 0 ? ('center' as const) : ('left' as const);
    return { lines: cellLines(t, widths[i] ?? 0, align), role: roles[i] ?? 'body', align };
  });
  return { cells, lines: Math.max(minLines, ...cells.map((c) => c.lines.length)) };
}

function scaleWidths(rel: readonly number[]): number[] {
  const total = rel.reduce((a, b) => a + b, 0) || 1;
  return rel.map((w) => (w / total) * TEXT_WIDTH_PT);
}

function table(node: Extract<DocumentNode, { kind: 'table' }>): TableBlock {
  const widths = scaleWidths(node.widths);
  const header = row(node.headers, widths, node.headers.map(() => 'heading1' as const), 1);
  const centred = { ...header, cells: header.cells.map((c, i) => ({ ...c, align: 'center' as const, lines: cellLines(node.headers[i] ?? '', widths[i] ?? 0, 'center') })) };
  return { kind: 'table', widths, header: centred, rows: node.rows.map((r) => row(r, widths, r.map(() => 'body' as const))) };
}

/** 送达回证: the label column is as wide as the longest label, so no label wraps. */
function formTable(node: Extract<DocumentNode, { kind: 'formTable' }>): TableBlock {
  const longest = Math.max(...node.rows.map((r) => widthInHalfCells(r.label)));
  const labelW = Math.min(TEXT_WIDTH_PT / 2, (Math.ceil(longest / 2) + 1) * CHAR_PITCH_PT + 2 * CELL_PAD_PT);
  const widths = [labelW, TEXT_WIDTH_PT - labelW];
  return {
    kind: 'table',
    widths,
    header: null,
    rows: node.rows.map((r) => row([r.label, r.value], widths, ['body', 'body'], r.minLines)),
  };
}

function signatureGroup(office: string, date: string): FlowItem {
  const ind = signatureIndents(office, date);
  const officeBlock = placed('body', office, { ...BODY, align: 'right', rightIndent: Math.round(ind.officeRightChars * 2) });
  const dateBlock = placed('body', date, { ...BODY, align: 'right', rightIndent: ind.dateRightChars * 2 });
  // Two blank lines: a seal (about 42 mm) centred over name and date reaches no line of the text.
  return { kind: 'group', role: 'signature', blocks: [blank(2), officeBlock, dateBlock] };
}

function attachments(items: readonly string[]): Block[] {
  const numbered = items.length > 1;
  const blocks = items.map((name, i) => {
    const label = i === 0 ? '附件：' : '　　　';
    const num = numbered ? `${i + 1}.` : '';
    // A long name wraps under its own first character (GB/T 9704 7.3.4).
    const hang = 4 + widthInHalfCells(label) + widthInHalfCells(num);
    return placed('body', `${label}${num}${name}`, { ...BODY, firstIndent: 4, restIndent: hang });
  });
  return [blank(1), ...blocks];
}

function colophon(node: Extract<DocumentNode, { kind: 'colophon' }>): Block {
  const cellPt = PAGE_NUMBER_SIZE_PT;
  const p: Placement = { cellPt, widthPt: TEXT_WIDTH_PT - 2 * cellPt };
  const copyTo = node.copyTo ? placeLines(`抄送：${node.copyTo}。`, { ...p, restIndent: 6 }).map((l) => ({ ...l, x: l.x + cellPt })) : [];
  // 印发机关 at the left, 印发日期 at the right, one line: full-width spaces between, so both
  // writers print the same characters in the same cells.
  const date = node.printDate ? `${node.printDate}印发` : '';
  const room = Math.floor((2 * p.widthPt) / cellPt) - widthInHalfCells(node.printer) - widthInHalfCells(date);
  const gap = room >= 2 ? '　'.repeat(Math.floor(room / 2)) + (room % 2 ? ' ' : '') : '　';
  const printed: LaidLine[] = node.printer || date ? [{ text: `${node.printer}${gap}${date}`, x: cellPt }] : [];
  return { kind: 'colophon', copyTo, printed, sizePt: PAGE_NUMBER_SIZE_PT, cellPt };
}

/** The largest size up to `max` (not below 16 pt) that sets `text` on one line with 8 % to spare. */
function fittingSize(text: string, max: number): number {
  return Math.max(BODY_SIZE_PT, Math.min(max, Math.floor((TEXT_WIDTH_PT * 2 * 0.92) / Math.max(1, widthInHalfCells(text)))));
}

function nodeItems(node: DocumentNode): FlowItem[] {
  switch (node.kind) {
    case 'title':
      return [placed('title', node.text, TITLE, { keepWithNext: true }), blank(1)];
    case 'officeLine': {
      // The office's name on one line where it can be: smaller than 2号 when it is long, with room to
      // spare so no word processor wraps it (GB/T 9704 lets the 发文机关 size vary).
      const size = fittingSize(node.text, TITLE_SIZE_PT);
      return [placed('title', node.text, { ...TITLE, cellPt: size }, { sizePt: size, cellPt: size, keepWithNext: true })];
    }
    case 'letterhead': {
      // As large as 一号 allows while the office's name stays on one line.
      const size = fittingSize(node.office, LETTERHEAD_SIZE_PT);
      const p: Placement = { cellPt: size, widthPt: TEXT_WIDTH_PT, align: 'center' };
      const head = placed('title', node.office, p, { sizePt: size, cellPt: size, color: LETTERHEAD_COLOR, keepWithNext: true });
      return [head, textBlock('body', [{ text: '', x: 0 }], { ruleBelow: 'letterhead', keepWithNext: true })];
    }
    case 'documentNumber':
      return [placed('body', node.text, { ...BODY, align: 'right' })];
    case 'paragraph':
      return [placed('body', node.text, { ...BODY, firstIndent: node.indent ? 4 : 0, align: node.align })];
    case 'heading':
      return [placed(node.level === 1 ? 'heading1' : 'heading2', node.text, { ...BODY, firstIndent: 4 }, { keepWithNext: true })];
    case 'table':
      return [table(node)];
    case 'formTable':
      return [formTable(node)];
    case 'signature':
      return [signatureGroup(node.office, node.date)];
    case 'signLine':
      // The line to sign on, then a line of room for the signature itself.
      return [textBlock('body', [...placeLines(node.text, BODY), { text: '', x: 0 }])];
    case 'cutLine': {
      // The cut line is printed as characters (－), so the PDF and the DOCX draw the same line.
      const dashes = (CHARS - widthInHalfCells(node.text) / 2) / 2;
      return [{ kind: 'cut', text: `${'－'.repeat(Math.floor(dashes))}${node.text}${'－'.repeat(Math.ceil(dashes))}` }];
    }
    case 'attachments':
      return attachments(node.items);
    case 'colophon':
      return [colophon(node)];
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
  }
}

/** The flow of one document: blocks, keep-together groups (落款, 回执) and forced page breaks. */
export function layoutModel(model: DocumentModel): FlowItem[] {
  const cut = model.nodes.findIndex((n) => n.kind === 'cutLine');
  const body = cut >= 0 ? model.nodes.slice(0, cut) : model.nodes;
  const items = body.flatMap(nodeItems);
  if (cut >= 0) {
    const blocks = model.nodes.slice(cut).flatMap(nodeItems).flatMap((i) => (i.kind === 'group' ? i.blocks : i.kind === 'pageBreak' ? [] : [i]));
    items.push({ kind: 'group', role: 'receipt', blocks });
  }
  return items;
}

/** The footer's signing lines (笔录), broken on the body grid. */
export function footerLines(model: DocumentModel): LaidLine[] {
  return model.footerSignatures.flatMap((s) => placeLines(s, BODY));
}
