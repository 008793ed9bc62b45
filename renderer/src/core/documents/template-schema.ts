// Parses template JSON (built-in files, or a user's duplicated copy from the database) into a
// DocumentTemplate, refusing anything the engine would not understand, and checks that every
// {placeholder} names a declared field, so a typo in wording shows up when the template is saved.
import { z } from 'zod';
import { placeholdersIn } from './placeholders';
import type { DocumentTemplate, TemplateBlock } from './template-types';

const key = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
const condition = z.union([
  z.object({ field: key, present: z.literal(true) }),
  z.object({ field: key, absent: z.literal(true) }),
  z.object({ field: key, equals: z.string() }),
]);
const base = { when: condition.optional() };

const block: z.ZodType<TemplateBlock> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('title'), text: z.string() }),
    z.object({ ...base, kind: z.literal('documentNumber') }),
    z.object({ ...base, kind: z.literal('addressee'), text: z.string() }),
    z.object({
      ...base,
      kind: z.literal('paragraph'),
      text: z.string(),
      indent: z.boolean().optional(),
      align: z.enum(['left', 'center', 'right']).optional(),
    }),
    z.object({ ...base, kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
    z.object({ ...base, kind: z.literal('list'), field: key, numbering: z.enum(['arabic', 'chinese', 'parenChinese', 'none']) }),
    z.object({
      ...base,
      kind: z.literal('table'),
      field: key,
      columns: z.array(z.object({ header: z.string(), cell: z.string(), width: z.number().positive() })).min(1),
    }),
    z.object({
      ...base,
      kind: z.literal('formTable'),
      rows: z.array(z.object({ label: z.string(), value: z.string(), minLines: z.number().int().min(1).max(10).optional() })),
    }),
    z.object({ ...base, kind: z.literal('signature'), office: z.string(), date: z.string() }),
    z.object({ ...base, kind: z.literal('signLine'), text: z.string() }),
    z.object({ ...base, kind: z.literal('receipt'), blocks: z.array(block) }),
    z.object({ ...base, kind: z.literal('officeLine'), text: z.string() }),
    z.object({ ...base, kind: z.literal('letterhead'), office: z.string() }),
    z.object({ ...base, kind: z.literal('attachments'), field: key, column: key.optional() }),
    z.object({ ...base, kind: z.literal('colophon'), copyTo: z.string().optional(), printer: z.string().optional(), printDate: z.string().optional() }),
    z.object({ ...base, kind: z.literal('pageBreak') }),
  ]),
);

const templateSchema = z.object({
  id: key.or(z.string().regex(/^[a-z0-9-]+$/)),
  name: z.string().min(1),
  documentType: z.string().min(1),
  basedOn: z.string().optional(),
  version: z.number().int().min(1),
  fields: z.array(
    z.object({
      key,
      label: z.string().min(1),
      type: z.enum(['text', 'multiline', 'date', 'money', 'person', 'list', 'rows']),
      required: z.boolean().optional(),
      columns: z
        .array(z.object({ key, label: z.string().min(1), type: z.enum(['text', 'date', 'money']), required: z.boolean().optional() }))
        .optional(),
      minItems: z.number().int().min(0).optional(),
      hint: z.string().optional(),
      options: z.array(z.string().min(1)).min(1).optional(),
      default: z.string().optional(),
    }),
  ),
  blocks: z.array(block).min(1),
  pageFooter: z
    .object({
      signatures: z.array(z.union([z.string(), z.object({ text: z.string(), repeatFor: key.optional() })])).optional(),
      pageOfTotal: z.boolean().optional(),
      pageNumbers: z.enum(['always', 'multiPage']).optional(),
    })
    .optional(),
  checks: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('sum'), parts: z.array(key).min(1), equals: key }),
        z.object({ kind: z.literal('atMost'), field: key, max: key }),
      ]),
    )
    .optional(),
});

export type TemplateParseResult =
  | { readonly ok: true; readonly template: DocumentTemplate }
  | { readonly ok: false; readonly errors: readonly string[] };

function blockTexts(b: TemplateBlock): { texts: string[]; fields: string[]; local: string[] } {
  switch (b.kind) {
    case 'title':
    case 'addressee':
    case 'paragraph':
    case 'heading':
    case 'signLine':
    case 'officeLine':
      return { texts: [b.text], fields: [], local: [] };
    case 'letterhead':
      return { texts: [b.office], fields: [], local: [] };
    case 'colophon':
      return { texts: [b.copyTo ?? '', b.printer ?? '', b.printDate ?? ''], fields: [], local: [] };
    case 'list':
    case 'attachments':
      return { texts: [], fields: [b.field], local: [] };
    case 'table':
      return { texts: b.columns.map((c) => c.cell), fields: [b.field], local: [] };
    case 'formTable':
      return { texts: b.rows.map((r) => r.value), fields: [], local: [] };
    case 'signature':
      return { texts: [b.office, b.date], fields: [], local: [] };
    default:
      return { texts: [], fields: [], local: [] };
  }
}

function checkReferences(t: DocumentTemplate): string[] {
  const errors: string[] = [];
  const fields = new Map(t.fields.map((f) => [f.key, f]));
  const visit = (blocks: readonly TemplateBlock[]) => {
    for (const b of blocks) {
      if (b.when && !fields.has(b.when.field)) errors.push(`显示条件引用了未定义的字段 ${b.when.field}`);
      if (b.kind === 'receipt') visit(b.blocks);
      const { texts, fields: refs } = blockTexts(b);
      for (const f of refs) if (!fields.has(f)) errors.push(`版块引用了未定义的字段 ${f}`);
      const columnKeys =
        b.kind === 'table' ? new Set(['n', ...(fields.get(b.field)?.columns ?? []).map((c) => c.key)]) : new Set<string>();
      for (const text of texts) {
        for (const ref of placeholdersIn(text)) {
          if (!fields.has(ref.key) && !columnKeys.has(ref.key)) {
            errors.push(`文字“${text.slice(0, 20)}”中的 {${ref.key}} 不是本模板的字段：请改为已定义的字段或删除`);
          }
        }
      }
    }
  };
  visit(t.blocks);
  for (const s of t.pageFooter?.signatures ?? []) {
    if (typeof s !== 'string' && s.repeatFor && fields.get(s.repeatFor)?.type !== 'rows') errors.push(`页脚签名栏引用的 ${s.repeatFor} 不是本模板的表格字段`);
  }
  for (const c of t.checks ?? []) {
    const named = c.kind === 'sum' ? [...c.parts, c.equals] : [c.field, c.max];
    for (const k of named) {
      if (fields.get(k)?.type !== 'money') errors.push(`金额核对规则引用的 ${k} 不是本模板的金额字段`);
    }
  }
  const keys = new Set<string>();
  for (const f of t.fields) {
    if (keys.has(f.key)) errors.push(`字段 ${f.key}（${f.label}）重复定义`);
    keys.add(f.key);
    if (f.type === 'rows' && !f.columns?.length) errors.push(`表格字段「${f.label}」没有定义列`);
    if (f.options && f.type !== 'text') errors.push(`字段「${f.label}」：只有文字字段可以列出可选项`);
    if (f.options && f.default !== undefined && !f.options.includes(f.default)) errors.push(`字段「${f.label}」的默认值“${f.default}”不在可选项中`);
  }
  return errors;
}

export function parseTemplate(json: unknown): TemplateParseResult {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `模板格式错误（${i.path.join('.') || '根'}）：${i.message}`),
    };
  }
  const template = parsed.data as DocumentTemplate;
  const errors = checkReferences(template);
  return errors.length ? { ok: false, errors } : { ok: true, template };
}

/** A user's copy of a template: new id and name, `basedOn` pointing at the original (left untouched). */
export function duplicateTemplate(original: DocumentTemplate, id: string, name: string): DocumentTemplate {
  return { ...structuredClone(original), id, name, basedOn: original.id, version: 1 };
}
