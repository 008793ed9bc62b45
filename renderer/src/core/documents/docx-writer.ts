// DOCX per GB/T 9704-2012 from the same laid-out pages as the PDF (grid/): each text block is one
// paragraph whose lines end in the engine's own line breaks, left-aligned (never stretched), and
// every page after the first starts with a page break, so Word, WPS and LibreOffice break lines and
// pages where the PDF does. Fonts are only named (never embedded); Word and WPS take Chinese from
// eastAsia, so every run names its font in all four slots.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocumentModel } from './document-model';
import { type FontSubstitution, fontRuns, fontTableXml, roleFont } from './docx-fonts';
import { BODY_CHARACTER_SPACING, GRID_STYLE, ROLE_STYLES, settingsXml, stylesXml } from './docx-parts';
import { docxCompiler, zipDocxParts } from './docx-zip';
import type { FontRole } from './fonts/faces';
import { type Block, type LaidDocument, type LaidLine, type LaidPage, TABLE_RULE_PT, type TextBlock } from './grid/blocks';
import { layoutDocument } from './grid/layout-document';
import { CELL_PAD_PT, LETTERHEAD_COLOR } from './grid/layout-model';
import {
  A4_TWIPS,
  BODY_SIZE_PT,
  CHAR_PITCH_PT,
  FONT_SETS,
  FOOTER_NOTE_SIZE_PT,
  type FontSet,
  type FontSetName,
  LINE_PITCH_PT,
  MARGINS_MM,
  MM_TO_TWIPS,
  PAGE_NUMBER_SIZE_PT,
  TEXT_WIDTH_PT,
  TITLE_SIZE_PT,
} from './layout';

export interface DocxOptions {
  readonly fontSet?: FontSetName;
  /** A voided document saved again: 作废 in red at the head of every page. */
  readonly voided?: boolean;
}

const twips = (mm: number) => Math.round(mm * MM_TO_TWIPS);
const tw = (pt: number) => Math.round(pt * 20);
const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

interface Ctx {
  readonly fonts: FontSet;
  readonly pitch: number;
  readonly seen: Map<string, FontSubstitution>;
  /** The footer kind of the section before: a section with the same kind inherits its footers. */
  readonly last: { kind: string };
}

/**
 * Runs of the lines, a break before each line after the first. The paragraph's role style gives
 * font, size and condensing; a run names only what differs (a wider font for a rare character,
 * another size, a colour).
 */
function lineRuns(lines: readonly LaidLine[], role: FontRole, sizePt: number, ctx: Ctx, color?: string): TextRun[] {
  const base = roleFont(ctx.fonts, role);
  const styleSize = role === 'title' ? TITLE_SIZE_PT : BODY_SIZE_PT;
  const own = {
    ...(sizePt !== styleSize ? { size: sizePt * 2, characterSpacing: sizePt === BODY_SIZE_PT ? BODY_CHARACTER_SPACING : 0 } : {}),
    ...(color ? { color: color.slice(1) } : {}),
  };
  return lines.flatMap((l, i) => {
    const runs = fontRuns(l.text, ctx.fonts, role, ctx.seen);
    if (runs.length === 0) runs.push({ text: '', font: base });
    return runs.map((r, j) => new TextRun({ text: r.text, ...own, ...(r.font !== base ? { font: fontOf(r.font) } : {}), ...(i > 0 && j === 0 ? { break: 1 } : {}) }));
  });
}

const exact = (pt: number) => ({ line: tw(pt), lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** The grid's paragraph style (no CJK–Latin autospace, no widow control; body font and size). */
const NO_AUTOSPACE = { style: GRID_STYLE } as const;

function textParagraph(b: TextBlock, ctx: Ctx, pageBreakBefore: boolean): Paragraph {
  const p = b.para;
  const alignment = p.align === 'center' ? AlignmentType.CENTER : p.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const first = p.firstPt - p.restPt;
  // Every line ends in the engine's own break; a left-aligned line may reach into the right margin
  // (which it never does with the fonts it was laid out for), so a PC that substitutes a font with
  // wider digits lets the line run a little long instead of wrapping it a second time.
  const spill = -tw(2 * CHAR_PITCH_PT);
  const right = p.align === 'left' ? spill : p.align === 'center' ? spill / 2 : tw(p.rightPt);
  const left = p.align === 'center' ? spill / 2 + tw(p.restPt) : tw(p.restPt);
  // A border takes height in Word: the line under the letterhead gives that height back.
  const rule = b.ruleBelow === 'letterhead';
  return new Paragraph({
    children: lineRuns(b.lines, b.role, b.sizePt, ctx, b.color),
    alignment,
    spacing: exact(rule ? ctx.pitch - 4 : ctx.pitch),
    widowControl: false,
    style: ROLE_STYLES[b.role],
    indent: { left, right, ...(first >= 0 ? { firstLine: tw(first) } : { hanging: tw(-first) }) },
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(rule ? { border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: LETTERHEAD_COLOR.slice(1), space: 0 } } } : {}),
  });
}

function cellParagraph(lines: readonly LaidLine[], role: FontRole, align: 'left' | 'center', ctx: Ctx): Paragraph {
  return new Paragraph({
    children: lineRuns(lines, role, BODY_SIZE_PT, ctx),
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: exact(ctx.pitch),
    widowControl: false,
    style: ROLE_STYLES[role],
  });
}

function table(b: Extract<Block, { kind: 'table' }>, ctx: Ctx): Table {
  const widths = b.widths.map(tw);
  const rows = [...(b.header ? [b.header] : []), ...b.rows];
  return new Table({
    width: { size: tw(TEXT_WIDTH_PT), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          height: { value: tw(r.lines * ctx.pitch + TABLE_RULE_PT), rule: 'exact' },
          children: r.cells.map(
            (c, i) =>
              new TableCell({
                children: [cellParagraph(c.lines, c.role, c.align, ctx)],
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlign.TOP,
                margins: { left: tw(CELL_PAD_PT), right: tw(CELL_PAD_PT), top: 0, bottom: 0 },
              }),
          ),
        }),
    ),
  });
}

/** A page break where the page starts with a table: a paragraph of almost no height. */
const tableBreak = () => new Paragraph({ children: [], pageBreakBefore: true, spacing: { line: 2, lineRule: LineRuleType.EXACT, before: 0, after: 0 } });

function blockElements(b: Block, ctx: Ctx, breakBefore: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'text':
      return [textParagraph(b, ctx, breakBefore)];
    case 'table':
      return [...(breakBefore ? [tableBreak()] : []), table(b, ctx)];
    case 'cut':
      return [
        new Paragraph({ children: [], spacing: exact(ctx.pitch), widowControl: false, ...NO_AUTOSPACE, ...(breakBefore ? { pageBreakBefore: true } : {}) }),
        new Paragraph({ children: lineRuns([{ text: b.text, x: 0 }], 'body', BODY_SIZE_PT, ctx), spacing: exact(ctx.pitch), widowControl: false, ...NO_AUTOSPACE }),
      ];
    case 'colophon': {
      const border = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 0 });
      const out: Paragraph[] = [];
      b.copyTo.forEach((l, i) => {
        out.push(
          new Paragraph({
            children: lineRuns([l], 'body', b.sizePt, ctx),
            indent: { left: tw(l.x) },
            spacing: exact(ctx.pitch - (i === 0 ? 1 : 0)),
            widowControl: false,
            ...NO_AUTOSPACE,
            ...(i === 0 ? { border: { top: border(8) } } : {}),
            ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
          }),
        );
      });
      for (const l of b.printed) {
        out.push(
          new Paragraph({
            children: lineRuns([l], 'body', b.sizePt, ctx),
            indent: { left: tw(l.x) },
            spacing: exact(ctx.pitch - 2),
            widowControl: false,
            ...NO_AUTOSPACE,
            border: { top: border(4), bottom: border(8) },
          }),
        );
      }
      return out;
    }
  }
}

function pageElements(page: LaidPage, ctx: Ctx, breakBefore: boolean): (Paragraph | Table)[] {
  return page.blocks.flatMap((b, i) => blockElements(b, { ...ctx, pitch: page.pitchPt }, breakBefore && i === 0));
}

function pageNumberFooter(fonts: FontSet, align: 'left' | 'right'): Footer {
  // GB/T 9704 7.5: odd pages right, even pages left, one character in from the edge of the text.
  return new Footer({
    children: [
      new Paragraph({
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(fonts.pageNumber), size: PAGE_NUMBER_SIZE_PT * 2 })],
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: tw(PAGE_NUMBER_SIZE_PT) } : { left: tw(PAGE_NUMBER_SIZE_PT) },
      }),
    ],
  });
}

/** 笔录: the signing lines (on the grid) and 第N页 共M页 at the foot of every page. */
function recordFooter(doc: LaidDocument, ctx: Ctx): Footer {
  return new Footer({
    children: [
      ...doc.footerLines.map((l) => new Paragraph({ children: lineRuns([l], 'body', BODY_SIZE_PT, ctx), indent: { left: tw(l.x) }, spacing: exact(LINE_PITCH_PT), ...NO_AUTOSPACE })),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(20),
        children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页  共 ', PageNumber.TOTAL_PAGES_IN_SECTION, ' 页'], font: fontOf(ctx.fonts.body), size: FOOTER_NOTE_SIZE_PT * 2 })],
      }),
    ],
  });
}

const voidHeader = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '作废', bold: true, color: 'C8102E', size: 56 })] })] });

function sections(doc: LaidDocument, ctx: Ctx, voided: boolean) {
  const record = doc.pageOfTotal || doc.footerLines.length > 0;
  const reserve = doc.footerLines.length * LINE_PITCH_PT;
  const headers = voided ? { headers: { default: voidHeader(), even: voidHeader() } } : {};
  const numbered = () =>
    record ? { default: recordFooter(doc, ctx), even: recordFooter(doc, ctx) } : { default: pageNumberFooter(ctx.fonts, 'right'), even: pageNumberFooter(ctx.fonts, 'left') };
  const blank = () => ({ default: new Footer({ children: [] }), even: new Footer({ children: [] }) });
  // Consecutive pages with and without page numbers become sections of their own (a 回执 stub).
  const runs: { pages: LaidPage[]; noNumber: boolean }[] = [];
  for (const p of doc.pages) {
    const last = runs[runs.length - 1];
    if (last && last.noNumber === p.noNumber) last.pages.push(p);
    else runs.push({ pages: [p], noNumber: p.noNumber });
  }
  return runs.map((run, r) => {
    // A section without footers of its own continues the previous section's (Word, WPS, LibreOffice),
    // so a batch of 2,300 notices carries two footer parts instead of 4,600.
    const kind = `${run.noNumber ? 'blank' : record ? 'record' : 'number'}|${voided}`;
    const inherit = ctx.last.kind === kind;
    ctx.last.kind = kind;
    return {
    properties: {
      page: {
        size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
        margin: {
          top: twips(MARGINS_MM.top),
          bottom: twips(MARGINS_MM.bottom) + tw(reserve),
          left: twips(MARGINS_MM.left),
          right: twips(MARGINS_MM.right),
          header: twips(15),
          // The page number sits 7 mm below the text (GB/T 9704 7.5); a record's footer starts at the text.
          footer: record ? twips(MARGINS_MM.bottom) - tw(20) : twips(MARGINS_MM.bottom - 7) - tw(PAGE_NUMBER_SIZE_PT * 1.3),
        },
        ...(r === 0 ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    ...(inherit ? {} : { footers: run.noNumber ? blank() : numbered(), ...headers }),
    children: run.pages.flatMap((p, i) => pageElements(p, ctx, r > 0 || i > 0)),
  };
  });
}

export interface DocxResult {
  readonly bytes: Uint8Array;
  /** Characters the role's font lacks, printed in another font (the user is told). */
  readonly substitutions: readonly FontSubstitution[];
}

/** One DOCX; several models become consecutive sections, each starting on a new page at page 1. */
export async function renderDocxWithNotes(models: DocumentModel | readonly DocumentModel[], options: DocxOptions = {}): Promise<DocxResult> {
  const list = Array.isArray(models) ? (models as readonly DocumentModel[]) : [models as DocumentModel];
  const set = options.fontSet ?? 'official';
  const fonts = FONT_SETS[set];
  const ctx: Ctx = { fonts, pitch: LINE_PITCH_PT, seen: new Map(), last: { kind: '' } };
  const doc = new Document({
    creator: '处非工作台',
    title: list[0]?.title ?? '',
    evenAndOddHeaderAndFooters: true,
    // Our own styles part, parsed instead of the library's default styles (less work per file).
    externalStyles: stylesXml(fonts),
    sections: list.flatMap((m) => sections(layoutDocument(m), ctx, Boolean(options.voided))),
  });
  const parts = [
    { path: 'word/fontTable.xml', data: fontTableXml(set) },
    { path: 'word/settings.xml', data: settingsXml() },
  ];
  // The library's parts, zipped with the unchanged ones' deflated bytes reused (docx-zip.ts).
  const compiler = docxCompiler(Packer);
  const bytes = compiler ? zipDocxParts(compiler.compile(doc, undefined, parts)) : new Uint8Array(await Packer.toArrayBuffer(doc, undefined, parts));
  return { bytes, substitutions: [...ctx.seen.values()] };
}

export async function renderDocx(models: DocumentModel | readonly DocumentModel[], options: DocxOptions = {}): Promise<Uint8Array> {
  return (await renderDocxWithNotes(models, options)).bytes;
}
