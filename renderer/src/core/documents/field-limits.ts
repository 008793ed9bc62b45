// Length limits of a document form's values (issue 12): a paragraph pasted into a one-line field
// breaks the page grid, and an unbounded text makes the PDF layout slow. One-line fields, cells and
// a person's details hold a line; multi-line fields hold a few pages.
import { TEXT_LIMITS, tooLong } from '../common/text-limits';
import type { FieldDefinition, FieldProblem, FieldValue } from './template-types';

function limitFor(type: FieldDefinition['type']): number {
  if (type === 'multiline') return TEXT_LIMITS.documentText;
  if (type === 'list') return TEXT_LIMITS.reason;
  return TEXT_LIMITS.documentLine;
}

/** Every over-long part of one field's value, each message naming the field, row or entry. */
export function fieldLengthProblems(def: FieldDefinition, v: FieldValue | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (label: string, text: unknown, max: number) => {
    const long = typeof text === 'string' ? tooLong(label, text, max) : null;
    if (long) problems.push({ field: def.key, message: long });
  };
  const what = `「${def.label}」`;
  if (typeof v === 'string') check(what, v, limitFor(def.type));
  else if (Array.isArray(v)) {
    (v as readonly unknown[]).forEach((entry, i) => {
      if (typeof entry === 'string') check(`${what}第${i + 1}条`, entry, limitFor(def.type));
      else if (entry && typeof entry === 'object') {
        for (const c of def.columns ?? []) check(`${what}第${i + 1}行「${c.label}」`, (entry as Record<string, unknown>)[c.key], TEXT_LIMITS.documentLine);
      }
    });
  } else if (v && typeof v === 'object') {
    for (const [key, text] of Object.entries(v)) check(key === 'name' ? what : `${what}的附加信息`, text, TEXT_LIMITS.documentLine);
  }
  return problems;
}
