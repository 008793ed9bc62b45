// Checks data against a template's field schema before anything is generated. Every message names
// the field (and row/column) in Chinese and says what to do.
import { isIsoDate } from '../common/iso-date';
import { formatFen } from '../money';
import { fieldLengthProblems } from './field-limits';
import { isEmptyValue, isPerson } from './placeholders';
import type { DocumentData, DocumentTemplate, FieldDefinition, FieldProblem, FieldValue, RowColumn } from './template-types';

function checkScalar(
  type: RowColumn['type'] | 'multiline',
  v: FieldValue | undefined,
  what: string,
): string | null {
  switch (type) {
    case 'date':
      if (typeof v !== 'string' || !isIsoDate(v)) {
        return `${what}日期无效：请选择或填写如 2020-12-01 的日期`;
      }
      return null;
    case 'money':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
        return `${what}金额无效：应为以“分”计的整数（请在金额栏重新填写）`;
      }
      if (v < 0) return `${what}金额不能为负数：请填写 0 或正数`;
      return null;
    default:
      if (typeof v !== 'string') return `${what}应为文字：请重新填写`;
      if (type === 'text' && /[\r\n]/.test(v)) return `${what}不能换行：请写在一行内`;
      return null;
  }
}

function checkRows(def: FieldDefinition, v: FieldValue | undefined, problems: FieldProblem[]): void {
  if (!Array.isArray(v)) {
    problems.push({ field: def.key, message: `「${def.label}」格式无效：应为表格行，请重新填写` });
    return;
  }
  (v as readonly unknown[]).forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ field: def.key, message: `「${def.label}」第${i + 1}行格式无效：请删除该行后重新添加` });
      return;
    }
    const r = row as Record<string, FieldValue | undefined>;
    for (const c of def.columns ?? []) {
      const cell = r[c.key];
      const what = `「${def.label}」第${i + 1}行「${c.label}」`;
      if (isEmptyValue(cell)) {
        if (c.required) problems.push({ field: def.key, message: `${what}必填：请填写` });
        continue;
      }
      const err = checkScalar(c.type, cell, what);
      if (err) problems.push({ field: def.key, message: err });
    }
  });
}

function checkField(def: FieldDefinition, v: FieldValue | undefined, problems: FieldProblem[]): void {
  const what = `「${def.label}」`;
  if (isEmptyValue(v)) {
    if (def.required) problems.push({ field: def.key, message: `${what}必填：请填写后再生成文书` });
    return;
  }
  switch (def.type) {
    case 'person':
      if (!isPerson(v)) problems.push({ field: def.key, message: `${what}应填写姓名或名称：请重新选择或填写` });
      return;
    case 'list': {
      if (!Array.isArray(v) || (v as readonly unknown[]).some((x) => typeof x !== 'string')) {
        problems.push({ field: def.key, message: `${what}应为逐条文字：请重新填写` });
        return;
      }
      const blankAt = (v as readonly string[]).findIndex((x) => x.trim() === '');
      if (blankAt >= 0) problems.push({ field: def.key, message: `${what}第${blankAt + 1}条为空：请填写或删除该条` });
      break;
    }
    case 'rows':
      checkRows(def, v, problems);
      break;
    default: {
      const err = checkScalar(def.type, v, what);
      if (err) problems.push({ field: def.key, message: err });
      else if (def.options && typeof v === 'string' && !def.options.includes(v.trim())) {
        problems.push({ field: def.key, message: `${what}只能是“${def.options.join('”或“')}”：请从列表中选择` });
      }
    }
  }
  const min = def.minItems ?? 0;
  if (Array.isArray(v) && v.length < min) {
    problems.push({ field: def.key, message: `${what}至少需要 ${min} 条，现有 ${v.length} 条：请补充` });
  }
}

function checkMoneyRules(template: DocumentTemplate, data: DocumentData, problems: FieldProblem[]): void {
  const label = (k: string) => template.fields.find((f) => f.key === k)?.label ?? k;
  const fen = (k: string) => {
    const v = data[k];
    return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
  };
  for (const c of template.checks ?? []) {
    if (c.kind === 'sum') {
      const parts = c.parts.map(fen);
      const total = fen(c.equals);
      if (total === null || parts.some((p) => p === null)) continue;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (sum !== total) {
        problems.push({
          field: c.equals,
          message: `${c.parts.map((p) => `「${label(p)}」`).join('加')}为 ${formatFen(sum)} 元，与「${label(c.equals)}」${formatFen(total)} 元不符：请核对金额`,
        });
      }
    } else {
      const v = fen(c.field);
      const max = fen(c.max);
      if (v !== null && max !== null && v > max) {
        problems.push({
          field: c.field,
          message: `「${label(c.field)}」${formatFen(v)} 元大于「${label(c.max)}」${formatFen(max)} 元：请核对金额`,
        });
      }
    }
  }
}

/** Field-level problems (empty list = data is complete and well-formed). Unknown keys are ignored. */
export function validateDocumentData(template: DocumentTemplate, data: DocumentData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const def of template.fields) {
    checkField(def, data[def.key], problems);
    problems.push(...fieldLengthProblems(def, data[def.key]));
  }
  if (problems.length === 0) checkMoneyRules(template, data, problems);
  return problems;
}
