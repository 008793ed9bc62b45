// The wording of a template as a flat list of editable texts (paragraphs, headings, titles, sign
// lines, 落款), including those inside a 回执; the structure and fields are not editable here.
import type { TemplateBlock } from '../../../core/documents';

export interface WordingItem {
  readonly path: readonly number[];
  readonly prop: 'text' | 'office' | 'date';
  readonly kind: TemplateBlock['kind'];
  readonly text: string;
}

const KIND_LABEL: Partial<Record<TemplateBlock['kind'], string>> = {
  title: '标题',
  addressee: '主送',
  paragraph: '正文段落',
  heading: '小标题',
  signLine: '签名行',
  signature: '落款',
};

export function kindLabel(item: WordingItem): string {
  const base = KIND_LABEL[item.kind] ?? item.kind;
  return item.kind === 'signature' ? `${base}（${item.prop === 'office' ? '机关' : '日期'}）` : base;
}

export function wordingOf(blocks: readonly TemplateBlock[], prefix: readonly number[] = []): WordingItem[] {
  const out: WordingItem[] = [];
  blocks.forEach((b, i) => {
    const path = [...prefix, i];
    if (b.kind === 'receipt') out.push(...wordingOf(b.blocks, path));
    else if (b.kind === 'signature') {
      out.push({ path, prop: 'office', kind: b.kind, text: b.office }, { path, prop: 'date', kind: b.kind, text: b.date });
    } else if ('text' in b) out.push({ path, prop: 'text', kind: b.kind, text: b.text });
  });
  return out;
}

export function withWording(blocks: readonly TemplateBlock[], item: WordingItem, text: string): TemplateBlock[] {
  const [head, ...rest] = item.path;
  return blocks.map((b, i) => {
    if (i !== head) return b;
    if (rest.length && b.kind === 'receipt') return { ...b, blocks: withWording(b.blocks, { ...item, path: rest }, text) };
    return { ...b, [item.prop]: text } as TemplateBlock;
  });
}
