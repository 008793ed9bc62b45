// Turns document models into a pdfmake definition with the GB/T 9704 page of the DOCX writer:
// same margins, 16 pt text on 28 pt lines, 28 characters a line, alternating page numbers.
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentModel, DocumentNode } from './document-model';
import {
  A4_PT,
  BODY_SIZE_PT,
  CHAR_PITCH_PT,
  FOOTER_LINE_PT,
  FOOTER_NOTE_SIZE_PT,
  footerSignatureLine,
  LINE_PITCH_PT,
  MARGINS_MM,
  MM_TO_PT,
  PAGE_NUMBER_SIZE_PT,
  pageNumberText,
  TEXT_WIDTH_PT,
  TITLE_SIZE_PT,
} from './layout';
import { signatureIndents } from './signature-layout';

export const PDF_FONT_FAMILY = 'NotoSerifSC';

/** pdfkit's line height is (ascent − descent) × size; `emHeight` is (ascent − descent) / unitsPerEm. */
export interface FontMetrics {
  readonly emHeight: number;
}

const CHARACTER_SPACING = Math.floor((CHAR_PITCH_PT - BODY_SIZE_PT) * 100) / 100;

function lineHeightFor(sizePt: number, pitchPt: number, m: FontMetrics): number {
  return pitchPt / (sizePt * m.emHeight);
}

function percentWidths(widths: readonly number[]): string[] {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => `${((w / total) * 100).toFixed(3)}%`);
}

function cell(text: string, alignment: 'left' | 'center'): ContentText {
  return { text, alignment };
}

function nodeContent(node: DocumentNode, m: FontMetrics): Content[] {
  switch (node.kind) {
    case 'title':
      return [
        {
          text: node.text,
          fontSize: TITLE_SIZE_PT,
          characterSpacing: 0,
          alignment: 'center',
          lineHeight: lineHeightFor(TITLE_SIZE_PT, LINE_PITCH_PT + 8, m),
          margin: [0, 0, 0, LINE_PITCH_PT],
        },
      ];
    case 'documentNumber':
      return [{ text: node.text, alignment: 'right' }];
    case 'paragraph':
      return [
        {
          text: node.text,
          alignment: node.align === 'left' ? 'justify' : node.align,
          ...(node.indent ? { leadingIndent: CHAR_PITCH_PT * 2 } : {}),
        },
      ];
    case 'heading':
      return [{ text: node.text, leadingIndent: CHAR_PITCH_PT * 2 }];
    case 'table':
      return [
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: percentWidths(node.widths),
            body: [
              node.headers.map((h) => cell(h, 'center')),
              ...node.rows.map((r) => r.map((c, i) => cell(c, i === 0 ? 'center' : 'left'))),
            ],
          },
        },
      ];
    case 'formTable':
      return [
        {
          table: {
            dontBreakRows: true,
            widths: ['32%', '*'],
            body: node.rows.map((r) => {
              const lines = r.value.split('\n').length;
              const pad = '\n'.repeat(Math.max(0, r.minLines - lines));
              return [cell(`${r.label}${pad}`, 'center'), cell(`${r.value}${pad}`, 'left')];
            }),
          },
        },
      ];
    case 'signature': {
      const ind = signatureIndents(node.office, node.date);
      // unbreakable: the office name never ends a page with its date on the next one.
      return [
        {
          unbreakable: true,
          stack: [
            { text: ' ' },
            { text: node.office, alignment: 'right', margin: [0, 0, ind.officeRightChars * CHAR_PITCH_PT, 0] },
            { text: node.date, alignment: 'right', margin: [0, 0, ind.dateRightChars * CHAR_PITCH_PT, 0] },
          ],
        },
      ];
    }
    case 'signLine':
      return [{ text: node.text }, { text: ' ' }];
    case 'cutLine':
      return [
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH_PT, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.6 }],
          margin: [0, LINE_PITCH_PT, 0, 2],
        },
        { text: node.text, alignment: 'center', fontSize: FOOTER_NOTE_SIZE_PT, characterSpacing: 0 },
      ];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

export interface PdfDefinitionOptions {
  readonly title?: string;
}

/**
 * One definition for one or more documents. Each document starts on a new page; page numbers and
 * 第N页 共M页 count within each document (pdfmake numbers the whole file, so the footer maps global
 * pages to documents from where each document's first node was laid out).
 */
export function buildPdfDefinition(
  models: readonly DocumentModel[],
  metrics: FontMetrics,
  options: PdfDefinitionOptions = {},
): TDocumentDefinitions {
  const starts: { first: { positions?: { pageNumber: number }[] }; model: DocumentModel }[] = [];
  const content: Content[] = [];
  models.forEach((model, i) => {
    // A 回执 (from its cut line to the end) is kept on one page, so it can be cut off whole.
    const cut = model.nodes.findIndex((n) => n.kind === 'cutLine');
    const body = cut >= 0 ? model.nodes.slice(0, cut) : model.nodes;
    const nodes = body.flatMap((n) => nodeContent(n, metrics));
    if (cut >= 0) nodes.push({ unbreakable: true, stack: model.nodes.slice(cut).flatMap((n) => nodeContent(n, metrics)) });
    const first = (nodes[0] ?? { text: '' }) as { positions?: { pageNumber: number }[] } & Content;
    if (i > 0) Object.assign(first, { pageBreak: 'before' });
    if (!nodes.length) nodes.push(first);
    starts.push({ first, model });
    content.push(...nodes);
  });
  const startPage = (k: number) => starts[k]?.first.positions?.[0]?.pageNumber ?? 1;
  const locate = (page: number) => {
    let k = 0;
    while (k + 1 < starts.length && startPage(k + 1) <= page) k++;
    const end = k + 1 < starts.length ? startPage(k + 1) - 1 : Number.POSITIVE_INFINITY;
    return { model: starts[k]?.model, page: page - startPage(k) + 1, end, start: startPage(k) };
  };
  const left = MARGINS_MM.left * MM_TO_PT;
  const right = MARGINS_MM.right * MM_TO_PT;
  return {
    pageSize: { width: A4_PT.width, height: A4_PT.height },
    pageMargins: [left, MARGINS_MM.top * MM_TO_PT, right, MARGINS_MM.bottom * MM_TO_PT],
    info: { title: options.title ?? models[0]?.title ?? '', creator: '处非工作台', producer: '处非工作台' },
    defaultStyle: {
      font: PDF_FONT_FAMILY,
      fontSize: BODY_SIZE_PT,
      lineHeight: lineHeightFor(BODY_SIZE_PT, LINE_PITCH_PT, metrics),
      characterSpacing: CHARACTER_SPACING,
    },
    footer: (currentPage: number, pageCount: number) => {
      const at = locate(currentPage);
      const footer = at.model?.pageFooter ?? {};
      const record = Boolean(footer.pageOfTotal || footer.signatures?.length);
      if (record) {
        const total = Number.isFinite(at.end) ? at.end - at.start + 1 : pageCount - at.start + 1;
        const sigs = footerSignatureLine(footer.signatures ?? []);
        return {
          margin: [left, 10 * MM_TO_PT - FOOTER_LINE_PT, right, 0],
          stack: [
            ...(sigs ? [{ text: sigs, fontSize: FOOTER_NOTE_SIZE_PT, characterSpacing: 0 }] : []),
            { text: `第 ${at.page} 页  共 ${total} 页`, alignment: 'center', fontSize: FOOTER_NOTE_SIZE_PT, characterSpacing: 0 },
          ],
          lineHeight: lineHeightFor(FOOTER_NOTE_SIZE_PT, FOOTER_LINE_PT, metrics),
        } as Content;
      }
      // GB/T 9704 7.5: 7 mm below the text, odd pages right and even pages left, one character in.
      const odd = at.page % 2 === 1;
      return {
        text: pageNumberText(at.page),
        fontSize: PAGE_NUMBER_SIZE_PT,
        characterSpacing: 0,
        lineHeight: 1,
        alignment: odd ? 'right' : 'left',
        margin: [left + (odd ? 0 : PAGE_NUMBER_SIZE_PT), 7 * MM_TO_PT - 4, right + (odd ? PAGE_NUMBER_SIZE_PT : 0), 0],
      } as Content;
    },
    content,
  };
}
