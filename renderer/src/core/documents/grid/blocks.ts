// The laid-out document both writers draw: every line already broken and placed (x in points from
// the left edge of the text area), every block a whole number of grid lines high. The writers only
// draw it, so the PDF and the DOCX agree line for line and page for page.
import type { FontRole } from '../fonts/faces';

export interface LaidLine {
  readonly text: string;
  /** Points from the left edge of the text area (or of the table cell). */
  readonly x: number;
}

/** How the lines were placed, for writers that lay out paragraphs (the DOCX): same result. */
export interface ParagraphPlacement {
  readonly align: 'left' | 'center' | 'right';
  /** Left indent of the first line and of the others, right indent (points). */
  readonly firstPt: number;
  readonly restPt: number;
  readonly rightPt: number;
}

export interface TextBlock {
  readonly kind: 'text';
  readonly role: FontRole;
  readonly sizePt: number;
  /** Points per full cell: the grid pitch for body text, the type size for titles. */
  readonly cellPt: number;
  readonly lines: readonly LaidLine[];
  readonly para: ParagraphPlacement;
  /** Spacing only: never printed at the top of a page. */
  readonly blank?: boolean;
  /** Stays on the page of the block after it (headings, the office name above the title). */
  readonly keepWithNext?: boolean;
  readonly color?: string;
  /** Horizontal rule drawn under the line (letterhead: double red rule). */
  readonly ruleBelow?: 'letterhead';
}

export interface TableCell {
  readonly lines: readonly LaidLine[];
  readonly role: FontRole;
  readonly align: 'left' | 'center';
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** Height in grid lines. */
  readonly lines: number;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Column widths in points; they add up to the text width. */
  readonly widths: readonly number[];
  readonly header: TableRow | null;
  readonly rows: readonly TableRow[];
}

/** The dashed cut line of a 回执 with its note. */
export interface CutBlock {
  readonly kind: 'cut';
  readonly text: string;
}

/** 版记: 抄送 and 印发 between rules, printed so its last line is the last line of the page. */
export interface ColophonBlock {
  readonly kind: 'colophon';
  /** 抄送 lines (may wrap under the first name). */
  readonly copyTo: readonly LaidLine[];
  /** 印发机关 left and 印发日期 right, on one line. */
  readonly printed: readonly LaidLine[];
  readonly sizePt: number;
  readonly cellPt: number;
}

export type Block = TextBlock | TableBlock | CutBlock | ColophonBlock;

/** A run of blocks the paginator keeps on one page (the 落款 with its seal room, a 回执). */
export interface BlockGroup {
  readonly kind: 'group';
  readonly role: 'signature' | 'receipt';
  readonly blocks: readonly Block[];
}

export type FlowItem = Block | BlockGroup | { readonly kind: 'pageBreak' };

export const TABLE_RULE_PT = 0.5;

export function blockLines(b: Block): number {
  switch (b.kind) {
    case 'text':
      return b.lines.length;
    case 'table':
      return (b.header?.lines ?? 0) + b.rows.reduce((a, r) => a + r.lines, 0);
    case 'cut':
      return 2;
    case 'colophon':
      return b.copyTo.length + (b.printed.length ? 1 : 0);
  }
}

/** Extra height beyond the lines (table rules), in points. */
export function blockExtraPt(b: Block): number {
  return b.kind === 'table' ? (b.rows.length + (b.header ? 1 : 0) + 1) * TABLE_RULE_PT : 0;
}

/** One page: its blocks and what its foot carries. */
export interface LaidPage {
  readonly blocks: readonly Block[];
  /** Line pitch of this page's text in points (the grid's, or tighter to keep a 落款 with its text). */
  readonly pitchPt: number;
  /** No page number on this page (a 回执 stub, a one-page 送达回证). */
  readonly noNumber: boolean;
}

export interface LaidDocument {
  readonly pages: readonly LaidPage[];
  /** Signing lines on every page (笔录), already broken into lines. */
  readonly footerLines: readonly LaidLine[];
  readonly pageOfTotal: boolean;
  readonly title: string;
}
