// Laid-out documents → one pdfmake definition. Every line arrives broken and placed (grid/), every
// page break is decided (grid/paginate.ts): pdfmake only draws, never wraps (noWrap runs), so layout
// is linear and the PDF breaks where the DOCX does. Rules (letterhead, cut line, 版记) are drawn in
// each page's background at the positions the paginator gave their lines.
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FaceSet, FontRole } from './fonts/faces';
import { type Block, blockExtraPt, blockLines, type LaidDocument, type LaidLine, type LaidPage, TABLE_RULE_PT, type TableBlock } from './grid/blocks';
import { CELL_PAD_PT, LETTERHEAD_COLOR } from './grid/layout-model';
import { lineRuns } from './grid/runs';
import { A4_PT, BODY_SIZE_PT, CHAR_PITCH_PT, FOOTER_NOTE_SIZE_PT, LINE_PITCH_PT, MARGINS_MM, MM_TO_PT, PAGE_NUMBER_SIZE_PT, pageNumberText, TEXT_WIDTH_PT } from './layout';

const LEFT = MARGINS_MM.left * MM_TO_PT;
const TOP = MARGINS_MM.top * MM_TO_PT;
const RIGHT = MARGINS_MM.right * MM_TO_PT;
const BOTTOM = MARGINS_MM.bottom * MM_TO_PT;
/** pdfmake gets a little more room than the grid uses, so rounding never pushes a line over. */
const SLACK_PT = 6;

interface Ctx {
  readonly faces: FaceSet;
  readonly pitch: number;
}

function lineContent(line: LaidLine, role: FontRole, sizePt: number, cellPt: number, ctx: Ctx, color?: string): ContentText {
  const runs = line.text ? lineRuns(line.text, role, ctx.faces, sizePt, cellPt) : [];
  const body = ctx.faces.roles.body;
  const inline = (text: string, face = body, spacing = 0) => ({
    text,
    font: face.id,
    fontSize: sizePt,
    characterSpacing: spacing,
    lineHeight: ctx.pitch / (sizePt * face.emHeight),
    noWrap: true,
    // The grid placed every character, 全角 spaces included (signing room in forms).
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
    ...(color ? { color } : {}),
  });
  return {
    text: runs.length ? runs.map((r) => inline(r.text, r.face, r.spacing)) : [inline(' ')],
    margin: [line.x, 0, 0, 0],
  } as ContentText;
}

function tableContent(t: TableBlock, ctx: Ctx): Content {
  const rows = [...(t.header ? [t.header] : []), ...t.rows];
  const body = rows.map((r) =>
    r.cells.map((c) => {
      const lines = c.lines.map((l) => lineContent(l, c.role, BODY_SIZE_PT, CHAR_PITCH_PT, ctx));
      while (lines.length < r.lines) lines.push(lineContent({ text: '', x: 0 }, 'body', BODY_SIZE_PT, CHAR_PITCH_PT, ctx));
      return { stack: lines };
    }),
  );
  return {
    table: { widths: t.widths.map((w, i) => w - 2 * CELL_PAD_PT - TABLE_RULE_PT * (i === t.widths.length - 1 ? 2 : 1)), body, dontBreakRows: true },
    layout: {
      hLineWidth: () => TABLE_RULE_PT,
      vLineWidth: () => TABLE_RULE_PT,
      paddingLeft: () => CELL_PAD_PT,
      paddingRight: () => CELL_PAD_PT,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  } as Content;
}

function blockContent(b: Block, ctx: Ctx): Content[] {
  switch (b.kind) {
    case 'text':
      return b.lines.map((l) => lineContent(l, b.role, b.sizePt, b.cellPt, ctx, b.color));
    case 'table':
      return [tableContent(b, ctx)];
    case 'cut':
      return [
        lineContent({ text: '', x: 0 }, 'body', BODY_SIZE_PT, CHAR_PITCH_PT, ctx),
        lineContent({ text: b.text, x: 0 }, 'body', BODY_SIZE_PT, CHAR_PITCH_PT, ctx),
      ];
    case 'colophon':
      return [
        ...b.copyTo.map((l) => lineContent(l, 'body', b.sizePt, b.cellPt, ctx)),
        ...b.printed.map((l) => lineContent(l, 'body', b.sizePt, b.cellPt, ctx)),
      ];
  }
}

/** Rules drawn behind the page, at the y of the lines they belong to. */
function pageRules(page: LaidPage): Content[] {
  const shapes: object[] = [];
  let y = TOP;
  const pitch = page.pitchPt;
  const hline = (at: number, width: number, color = 'black') =>
    shapes.push({ type: 'line', x1: LEFT, y1: at, x2: LEFT + TEXT_WIDTH_PT, y2: at, lineWidth: width, lineColor: color });
  for (const b of page.blocks) {
    if (b.kind === 'text' && b.ruleBelow === 'letterhead') {
      hline(y + pitch / 2 - 1.5, 2, LETTERHEAD_COLOR);
      hline(y + pitch / 2 + 1.2, 0.6, LETTERHEAD_COLOR);
    }
    if (b.kind === 'colophon') {
      const lines = blockLines(b);
      hline(y, 1);
      if (b.copyTo.length && b.printed.length) hline(y + b.copyTo.length * pitch, 0.7);
      hline(y + lines * pitch, 1);
    }
    y += blockLines(b) * pitch + blockExtraPt(b);
  }
  return shapes.length ? [{ canvas: shapes, absolutePosition: { x: 0, y: 0 } } as Content] : [];
}

interface PageInfo {
  readonly doc: LaidDocument;
  readonly page: LaidPage;
  readonly number: number;
  readonly total: number;
}

const isRecord = (doc: LaidDocument) => doc.pageOfTotal || doc.footerLines.length > 0;

/**
 * 笔录: the signing lines in the last lines of the text area (the paginator kept them free) and
 * 第N页 共M页 below, drawn at fixed positions so documents of both kinds can share one PDF.
 */
function recordFoot(info: PageInfo, ctx: Ctx): Content[] {
  const top = TOP + (22 - info.doc.footerLines.length) * LINE_PITCH_PT;
  const lines = info.doc.footerLines.map((l, i) => ({ ...lineContent(l, 'body', BODY_SIZE_PT, CHAR_PITCH_PT, ctx), absolutePosition: { x: LEFT + l.x, y: top + i * LINE_PITCH_PT } }));
  const mark = `第 ${info.number} 页  共 ${info.total} 页`;
  const x = LEFT + (TEXT_WIDTH_PT - mark.length * (FOOTER_NOTE_SIZE_PT * 0.75)) / 2;
  return [...lines, { ...lineContent({ text: mark, x: 0 }, 'body', FOOTER_NOTE_SIZE_PT, FOOTER_NOTE_SIZE_PT, ctx), absolutePosition: { x, y: TOP + 22 * LINE_PITCH_PT + 4 } } as Content];
}

function footer(info: PageInfo | undefined, ctx: Ctx): Content {
  if (!info || isRecord(info.doc) || info.page.noNumber) return { text: '' };
  // GB/T 9704 7.5: 7 mm below the text, odd pages right and even pages left, one character in.
  const odd = info.number % 2 === 1;
  const text = pageNumberText(info.number);
  const runs = lineRuns(text, 'body', { ...ctx.faces, faceFor: () => ctx.faces.fallback }, PAGE_NUMBER_SIZE_PT, PAGE_NUMBER_SIZE_PT);
  return {
    text: runs.map((r) => ({ text: r.text, font: r.face.id, characterSpacing: r.spacing, noWrap: true })),
    fontSize: PAGE_NUMBER_SIZE_PT,
    lineHeight: 1,
    alignment: odd ? 'right' : 'left',
    margin: [LEFT + (odd ? 0 : PAGE_NUMBER_SIZE_PT), 7 * MM_TO_PT - 4 + SLACK_PT, RIGHT + (odd ? PAGE_NUMBER_SIZE_PT : 0), 0],
  } as Content;
}

export interface PdfDefinitionOptions {
  readonly title?: string;
  /** A voided document printed or saved again: 作废 in red at the head of every page. */
  readonly voided?: boolean;
}

const VOID_SIZE_PT = 48;

function voidMark(faces: FaceSet): Content {
  const runs = lineRuns('作废', 'title', faces, VOID_SIZE_PT, VOID_SIZE_PT);
  return {
    text: runs.map((r) => ({ text: r.text, font: r.face.id, characterSpacing: r.spacing + 12, noWrap: true })),
    fontSize: VOID_SIZE_PT,
    color: LETTERHEAD_COLOR,
    absolutePosition: { x: LEFT + TEXT_WIDTH_PT - 2 * VOID_SIZE_PT - 12, y: 10 * MM_TO_PT },
  } as Content;
}

/** One definition for one or more laid-out documents; each starts a page, numbers count per document. */
export function buildPdfDefinition(docs: readonly LaidDocument[], faces: FaceSet, options: PdfDefinitionOptions = {}): TDocumentDefinitions {
  const content: Content[] = [];
  const infos: PageInfo[] = [];
  for (const doc of docs) {
    const numbered = doc.pages.filter((p) => !p.noNumber).length || doc.pages.length;
    doc.pages.forEach((page, i) => {
      const ctx: Ctx = { faces, pitch: page.pitchPt };
      const nodes = page.blocks.flatMap((b) => blockContent(b, ctx));
      if (nodes.length === 0) nodes.push(lineContent({ text: '', x: 0 }, 'body', BODY_SIZE_PT, CHAR_PITCH_PT, ctx));
      if (infos.length > 0) Object.assign(nodes[0] as object, { pageBreak: 'before' });
      content.push(...nodes);
      infos.push({ doc, page, number: i + 1, total: numbered });
    });
  }
  return {
    pageSize: { width: A4_PT.width, height: A4_PT.height },
    pageMargins: [LEFT, TOP, RIGHT, BOTTOM - SLACK_PT],
    info: { title: options.title ?? docs[0]?.title ?? '', creator: '处非工作台', producer: '处非工作台' },
    defaultStyle: { font: faces.roles.body.id, fontSize: BODY_SIZE_PT },
    background: (page: number) => {
      const info = infos[page - 1];
      const ctx: Ctx = { faces, pitch: LINE_PITCH_PT };
      return [...(info ? pageRules(info.page) : []), ...(info && isRecord(info.doc) ? recordFoot(info, ctx) : []), ...(options.voided ? [voidMark(faces)] : [])];
    },
    footer: (page: number) => footer(infos[page - 1], { faces, pitch: infos[page - 1]?.page.pitchPt ?? 28.95 }),
    content,
  } as TDocumentDefinitions;
}
