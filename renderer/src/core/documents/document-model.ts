// The document model: a template resolved against data into plain, already-formatted text nodes.
// Both writers (DOCX, PDF) and renderText consume this, so the three always agree on wording.
import { BLANK, isEmptyValue, rowScope, type SubstitutionScope, substitute } from './placeholders';
import type {
  BlockCondition,
  DocumentData,
  DocumentTemplate,
  FieldDefinition,
  PageFooterSpec,
  RowValue,
  TemplateBlock,
} from './template-types';

export type DocumentNode =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'documentNumber'; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      readonly indent: boolean;
      readonly align: 'left' | 'center' | 'right';
    }
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | {
      readonly kind: 'table';
      readonly headers: readonly string[];
      /** Relative widths; writers scale them to the text width. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
    }
  | {
      readonly kind: 'formTable';
      readonly rows: readonly { readonly label: string; readonly value: string; readonly minLines: number }[];
    }
  | { readonly kind: 'signature'; readonly office: string; readonly date: string }
  | { readonly kind: 'signLine'; readonly text: string }
  | { readonly kind: 'cutLine'; readonly text: string }
  | { readonly kind: 'officeLine'; readonly text: string }
  | { readonly kind: 'letterhead'; readonly office: string }
  | { readonly kind: 'attachments'; readonly items: readonly string[] }
  | { readonly kind: 'colophon'; readonly copyTo: string; readonly printer: string; readonly printDate: string }
  | { readonly kind: 'pageBreak' };

export interface DocumentModel {
  readonly templateId: string;
  readonly title: string;
  readonly nodes: readonly DocumentNode[];
  readonly pageFooter: PageFooterSpec;
  /** The signing lines printed on every page, resolved against the data (one blank per inspector). */
  readonly footerSignatures: readonly string[];
}

export const CUT_LINE_TEXT = '（沿此线剪开）';

const CHINESE_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (list numbering up to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 1 ? '十' : `${CHINESE_NUMERALS[tens] ?? ''}十`;
  return ones === 0 ? head : `${head}${CHINESE_NUMERALS[ones] ?? ''}`;
}

function listPrefix(numbering: 'arabic' | 'chinese' | 'parenChinese' | 'none', n: number): string {
  switch (numbering) {
    case 'arabic':
      return `${n}. `;
    case 'chinese':
      return `${chineseNumeral(n)}、`;
    case 'parenChinese':
      return `（${chineseNumeral(n)}）`;
    default:
      return '';
  }
}

export function conditionHolds(cond: BlockCondition | undefined, data: DocumentData): boolean {
  if (!cond) return true;
  const v = data[cond.field];
  if ('present' in cond) return !isEmptyValue(v);
  if ('absent' in cond) return isEmptyValue(v);
  return typeof v === 'string' || typeof v === 'number' ? String(v) === cond.equals : false;
}

function resolveBlocks(blocks: readonly TemplateBlock[], scope: SubstitutionScope, out: DocumentNode[]): void {
  const sub = (t: string) => substitute(t, scope);
  for (const b of blocks) {
    if (!conditionHolds(b.when, scope.data)) continue;
    switch (b.kind) {
      case 'title':
        out.push({ kind: 'title', text: sub(b.text) });
        break;
      case 'documentNumber': {
        const n = scope.data.documentNumber;
        if (typeof n === 'string' && n.trim()) out.push({ kind: 'documentNumber', text: n.trim() });
        break;
      }
      case 'addressee':
        out.push({ kind: 'paragraph', text: sub(b.text), indent: false, align: 'left' });
        break;
      case 'paragraph':
        // A multiline value becomes one paragraph per line, each indented like the first.
        for (const line of sub(b.text).split('\n')) {
          if (line.trim()) out.push({ kind: 'paragraph', text: line.trim(), indent: b.indent ?? true, align: b.align ?? 'left' });
        }
        break;
      case 'heading':
        out.push({ kind: 'heading', level: b.level, text: sub(b.text) });
        break;
      case 'list': {
        const items = scope.data[b.field];
        const list = Array.isArray(items) ? (items as readonly unknown[]).filter((x) => typeof x === 'string') : [];
        if (list.length === 0) out.push({ kind: 'paragraph', text: BLANK, indent: true, align: 'left' });
        list.forEach((item, i) => {
          out.push({ kind: 'paragraph', text: `${listPrefix(b.numbering, i + 1)}${String(item)}`, indent: true, align: 'left' });
        });
        break;
      }
      case 'table': {
        const def = scope.fields.get(b.field);
        const raw = scope.data[b.field];
        const rows = Array.isArray(raw) ? (raw as readonly RowValue[]) : [];
        out.push({
          kind: 'table',
          headers: b.columns.map((c) => c.header),
          widths: b.columns.map((c) => c.width),
          rows: rows.map((row, i) =>
            b.columns.map((c) =>
              substitute(c.cell, { ...scope, local: rowScope(def?.columns, row, i + 1) }).replaceAll(BLANK, ''),
            ),
          ),
        });
        break;
      }
      case 'formTable':
        out.push({
          kind: 'formTable',
          // A form cell left empty is space to write in by hand, not a ________ line.
          rows: b.rows.map((r) => ({
            label: r.label,
            value: sub(r.value).replaceAll(`（${BLANK}）`, '').replaceAll(BLANK, ''),
            minLines: r.minLines ?? 1,
          })),
        });
        break;
      case 'signature':
        out.push({ kind: 'signature', office: sub(b.office), date: sub(b.date) });
        break;
      case 'signLine':
        out.push({ kind: 'signLine', text: sub(b.text) });
        break;
      case 'receipt':
        out.push({ kind: 'cutLine', text: CUT_LINE_TEXT });
        resolveBlocks(b.blocks, scope, out);
        break;
      case 'officeLine':
        out.push({ kind: 'officeLine', text: sub(b.text) });
        break;
      case 'letterhead':
        out.push({ kind: 'letterhead', office: sub(b.office) });
        break;
      case 'attachments': {
        const raw = scope.data[b.field];
        const items = Array.isArray(raw)
          ? (raw as readonly unknown[])
              .map((x) => (typeof x === 'string' ? x : b.column && typeof x === 'object' && x !== null ? String((x as RowValue)[b.column] ?? '') : ''))
              .map((x) => x.trim())
              .filter((x) => x !== '')
          : [];
        if (items.length) out.push({ kind: 'attachments', items });
        break;
      }
      case 'colophon': {
        const copyTo = b.copyTo ? sub(b.copyTo) : '';
        const printer = b.printer ? sub(b.printer) : '';
        const printDate = b.printDate ? sub(b.printDate) : '';
        out.push({ kind: 'colophon', copyTo: copyTo === BLANK ? '' : copyTo, printer: printer === BLANK ? '' : printer, printDate: printDate === BLANK ? '' : printDate });
        break;
      }
      case 'pageBreak':
        out.push({ kind: 'pageBreak' });
        break;
    }
  }
}

/** A line of signing blanks (＿) per footer prompt; `repeatFor` gives one blank per row of a field. */
function footerSignatures(template: DocumentTemplate, data: DocumentData): string[] {
  return (template.pageFooter?.signatures ?? []).map((s) => {
    if (typeof s === 'string') return s;
    const rows = s.repeatFor ? data[s.repeatFor] : undefined;
    const n = Math.max(1, Array.isArray(rows) ? rows.length : 1);
    return `${s.text}${Array.from({ length: n }, () => '＿＿＿＿＿').join('　')}`;
  });
}

export function fieldMap(template: DocumentTemplate): ReadonlyMap<string, FieldDefinition> {
  return new Map(template.fields.map((f) => [f.key, f]));
}

/** Resolves a template against data. Missing values print as a blank line (________). */
export function buildDocumentModel(template: DocumentTemplate, data: DocumentData): DocumentModel {
  const nodes: DocumentNode[] = [];
  resolveBlocks(template.blocks, { fields: fieldMap(template), data }, nodes);
  const titleNode = nodes.find((n) => n.kind === 'title');
  return {
    templateId: template.id,
    title: titleNode && 'text' in titleNode ? titleNode.text : template.name,
    nodes,
    pageFooter: template.pageFooter ?? {},
    footerSignatures: footerSignatures(template, data),
  };
}

/** The text a reader sees, one line per node (table cells joined by tabs). */
export function modelText(model: DocumentModel): string {
  const lines: string[] = [];
  for (const n of model.nodes) {
    switch (n.kind) {
      case 'table':
        lines.push(n.headers.join('\t'), ...n.rows.map((r) => r.join('\t')));
        break;
      case 'formTable':
        for (const r of n.rows) lines.push(`${r.label}\t${r.value}`);
        break;
      case 'signature':
        lines.push(n.office, n.date);
        break;
      case 'letterhead':
        lines.push(n.office);
        break;
      case 'attachments':
        lines.push(...n.items.map((x, i) => `${i === 0 ? '附件：' : ''}${n.items.length > 1 ? `${i + 1}.` : ''}${x}`));
        break;
      case 'colophon':
        if (n.copyTo) lines.push(`抄送：${n.copyTo}。`);
        if (n.printer || n.printDate) lines.push(`${n.printer}\t${n.printDate}印发`);
        break;
      case 'pageBreak':
        break;
      default:
        lines.push(n.text);
    }
  }
  for (const s of model.footerSignatures) lines.push(s);
  return `${lines.join('\n')}\n`;
}

export function renderText(template: DocumentTemplate, data: DocumentData): string {
  return modelText(buildDocumentModel(template, data));
}
