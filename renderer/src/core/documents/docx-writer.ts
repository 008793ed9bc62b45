// DOCX per GB/T 9704-2012 with the docx library. Fonts are only named (never embedded): Word and WPS
// take Chinese from eastAsia, so every run names the font in all four slots.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocumentModel, DocumentNode } from './document-model';
import {
  A4_TWIPS,
  BODY_SIZE_PT,
  CHAR_PITCH_PT,
  FONT_SETS,
  FOOTER_LINE_PT,
  FOOTER_NOTE_SIZE_PT,
  type FontSet,
  type FontSetName,
  footerSignatureLine,
  LINE_PITCH_PT,
  MARGINS_MM,
  MM_TO_TWIPS,
  PAGE_NUMBER_SIZE_PT,
  TEXT_WIDTH_PT,
  TITLE_SIZE_PT,
} from './layout';
import { signatureIndents } from './signature-layout';

export interface DocxOptions {
  readonly fontSet?: FontSetName;
}

const twips = (mm: number) => Math.round(mm * MM_TO_TWIPS);
const pt = (v: number) => Math.round(v * 20);
const EXACT_LINE = { line: pt(LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const CHAR = pt(BODY_SIZE_PT);

function fontOf(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** Condensing (twips) that fits 28 body characters in the 156 mm line (GB/T 9704 5.2.2). */
const BODY_CHARACTER_SPACING = Math.floor((CHAR_PITCH_PT - BODY_SIZE_PT) * 20);

function run(text: string, font: string, sizePt: number): TextRun {
  return new TextRun({
    text,
    font: fontOf(font),
    size: sizePt * 2,
    ...(sizePt === BODY_SIZE_PT ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
  });
}

function bodyParagraph(text: string, fonts: FontSet, opts: { indent?: boolean; align?: 'left' | 'center' | 'right' } = {}) {
  const alignment =
    opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    children: [run(text, fonts.body, BODY_SIZE_PT)],
    spacing: EXACT_LINE,
    alignment,
    ...(opts.indent ? { indent: { firstLine: CHAR * 2 } } : {}),
  });
}

function cellParagraphs(text: string, fonts: FontSet, align: 'left' | 'center'): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        children: [run(line, fonts.body, BODY_SIZE_PT)],
        spacing: EXACT_LINE,
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      }),
  );
}

const TEXT_WIDTH_TWIPS = pt(TEXT_WIDTH_PT);

function scaleWidths(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const scaled = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS));
  const rest = TEXT_WIDTH_TWIPS - scaled.reduce((a, b) => a + b, 0);
  if (scaled.length) scaled[scaled.length - 1] = (scaled[scaled.length - 1] ?? 0) + rest;
  return scaled;
}

function table(node: Extract<DocumentNode, { kind: 'table' }>, fonts: FontSet): Table {
  const widths = scaleWidths(node.widths);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      children: cellParagraphs(text, header ? { ...fonts, body: fonts.heading1 } : fonts, i === 0 || header ? 'center' : 'left'),
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: node.headers.map((h, i) => cell(h, i, true)) }),
      ...node.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function formTable(node: Extract<DocumentNode, { kind: 'formTable' }>, fonts: FontSet): Table {
  const widths = scaleWidths([9, 19]);
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: node.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          height: { value: pt(LINE_PITCH_PT) * r.minLines + 120, rule: 'atLeast' },
          children: [
            new TableCell({
              children: cellParagraphs(r.label, fonts, 'center'),
              width: { size: widths[0] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
            }),
            new TableCell({
              children: cellParagraphs(r.value, fonts, 'left'),
              width: { size: widths[1] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
            }),
          ],
        }),
    ),
  });
}

function nodeToDocx(node: DocumentNode, fonts: FontSet, keepTogether = false): (Paragraph | Table)[] {
  const out = nodeParagraphs(node, fonts);
  if (!keepTogether) return out;
  return out.map((p) => (p instanceof Paragraph ? withKeepNext(p) : p));
}

function withKeepNext(p: Paragraph): Paragraph {
  return typeof p.options === 'string' ? p : new Paragraph({ ...p.options, keepNext: true, keepLines: true });
}

function nodeParagraphs(node: DocumentNode, fonts: FontSet): (Paragraph | Table)[] {
  switch (node.kind) {
    case 'title':
      // One blank line above and below the title, on the same 28 pt grid as the body.
      return [
        new Paragraph({
          children: [run(node.text, fonts.title, TITLE_SIZE_PT)],
          alignment: AlignmentType.CENTER,
          spacing: { ...EXACT_LINE, line: pt(LINE_PITCH_PT + 8), after: pt(LINE_PITCH_PT) },
        }),
      ];
    case 'documentNumber':
      return [bodyParagraph(node.text, fonts, { align: 'right' })];
    case 'paragraph':
      return [bodyParagraph(node.text, fonts, { indent: node.indent, align: node.align })];
    case 'heading':
      return [
        new Paragraph({
          children: [run(node.text, node.level === 1 ? fonts.heading1 : fonts.heading2, BODY_SIZE_PT)],
          spacing: EXACT_LINE,
          keepNext: true,
          indent: { firstLine: CHAR * 2 },
        }),
      ];
    case 'table':
      return [table(node, fonts)];
    case 'formTable':
      return [formTable(node, fonts)];
    case 'signature': {
      const ind = signatureIndents(node.office, node.date);
      // keepNext: the office name never ends a page with its date on the next one.
      return [
        new Paragraph({ children: [], spacing: EXACT_LINE, keepNext: true }),
        new Paragraph({
          children: [run(node.office, fonts.body, BODY_SIZE_PT)],
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          spacing: EXACT_LINE,
          indent: { right: Math.round(ind.officeRightChars * CHAR) },
        }),
        new Paragraph({
          children: [run(node.date, fonts.body, BODY_SIZE_PT)],
          alignment: AlignmentType.RIGHT,
          spacing: EXACT_LINE,
          indent: { right: Math.round(ind.dateRightChars * CHAR) },
        }),
      ];
    }
    case 'signLine':
      return [bodyParagraph(node.text, fonts, { indent: false }), bodyParagraph('', fonts)];
    case 'cutLine':
      return [
        new Paragraph({ children: [], spacing: EXACT_LINE }),
        new Paragraph({
          children: [run(node.text, fonts.body, FOOTER_NOTE_SIZE_PT)],
          alignment: AlignmentType.CENTER,
          spacing: EXACT_LINE,
          border: { top: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 4 } },
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [], pageBreakBefore: true })];
  }
}

function pageNumberParagraph(fonts: FontSet, align: 'left' | 'right'): Paragraph {
  const children: ParagraphChild[] = [
    new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(fonts.pageNumber), size: PAGE_NUMBER_SIZE_PT * 2 }),
  ];
  // GB/T 9704 7.5: odd pages right, even pages left, one character in from the edge of the text.
  return new Paragraph({
    children,
    alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: align === 'right' ? { right: pt(PAGE_NUMBER_SIZE_PT) } : { left: pt(PAGE_NUMBER_SIZE_PT) },
  });
}

/** 现场检查笔录: signature prompts (on one line, room to sign after each) and 第N页 共M页 on every page. */
function recordFooter(model: DocumentModel, fonts: FontSet): Footer {
  const size = FOOTER_NOTE_SIZE_PT * 2;
  const spacing = { line: pt(FOOTER_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
  const sigs = footerSignatureLine(model.pageFooter.signatures ?? []);
  return new Footer({
    children: [
      ...(sigs ? [new Paragraph({ spacing, children: [new TextRun({ text: sigs, font: fontOf(fonts.body), size })] })] : []),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing,
        children: [
          new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页  共 ', PageNumber.TOTAL_PAGES, ' 页'], font: fontOf(fonts.body), size }),
        ],
      }),
    ],
  });
}

/** A 回执 (from its cut line to the end) is kept on one page, so it can be cut off whole. */
function docxChildren(model: DocumentModel, fonts: FontSet): (Paragraph | Table)[] {
  const cut = model.nodes.findIndex((n) => n.kind === 'cutLine');
  if (cut < 0) return model.nodes.flatMap((n) => nodeToDocx(n, fonts));
  const body = model.nodes.slice(0, cut).flatMap((n) => nodeToDocx(n, fonts));
  const receipt = model.nodes.slice(cut).flatMap((n) => nodeToDocx(n, fonts, true));
  return [...body, ...receipt];
}

function section(model: DocumentModel, fonts: FontSet, inheritFooters: boolean) {
  const record = Boolean(model.pageFooter.pageOfTotal || model.pageFooter.signatures?.length);
  const footers = record
    ? { default: recordFooter(model, fonts), even: recordFooter(model, fonts) }
    : { default: new Footer({ children: [pageNumberParagraph(fonts, 'right')] }), even: new Footer({ children: [pageNumberParagraph(fonts, 'left')] }) };
  return {
    properties: {
      page: {
        size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
        margin: {
          top: twips(MARGINS_MM.top),
          bottom: twips(MARGINS_MM.bottom),
          left: twips(MARGINS_MM.left),
          right: twips(MARGINS_MM.right),
          header: twips(15),
          // The page number sits 7 mm below the text area (GB/T 9704 7.5); record footers need room.
          footer: twips(record ? 10 : 28 - 7),
        },
        pageNumbers: { start: 1 },
      },
      // Line grid only: a character grid (linesAndChars) is drawn differently by Word, WPS and
      // LibreOffice; condensing each run by 0.25 pt gives 28 characters a line in all of them.
      grid: { type: DocumentGridType.LINES, linePitch: pt(LINE_PITCH_PT) },
    },
    // A section without footers of its own continues the previous section's (Word, WPS, LibreOffice),
    // so a batch of 2,300 notices carries two footer parts instead of 4,600.
    ...(inheritFooters ? {} : { footers }),
    children: docxChildren(model, fonts),
  };
}

/** One DOCX; several models become consecutive sections, each starting on a new page at page 1. */
export async function renderDocx(models: DocumentModel | readonly DocumentModel[], options: DocxOptions = {}): Promise<Uint8Array> {
  const list = Array.isArray(models) ? (models as readonly DocumentModel[]) : [models as DocumentModel];
  const fonts = FONT_SETS[options.fontSet ?? 'official'];
  const doc = new Document({
    creator: '处非工作台',
    title: list[0]?.title ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf(fonts.body), size: BODY_SIZE_PT * 2 } } } },
    sections: list.map((m, i) => {
      const prev = list[i - 1];
      const same = prev !== undefined && JSON.stringify(prev.pageFooter) === JSON.stringify(m.pageFooter);
      return section(m, fonts, same);
    }),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
