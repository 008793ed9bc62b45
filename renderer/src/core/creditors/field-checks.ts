// Checks every mapped cell of a row passes before its own rule (ID, amount, phone …) is applied:
// Excel error values and formulas without a saved result, over-long text, invisible characters.
// The usual row has none of these and costs a length compare and one regex test per text cell.
import { describeInvisible, findInvisible, hasInvisible, stripInvisible } from './invisible';
import type { CellValue, ColumnMapping, FieldKey } from './types';

/**
 * Longest text stored per field, in characters. Far above real registers (the longest firm names
 * run to ~50 characters), far below Excel's 32,767 per cell, so every stored value still exports.
 */
export const FIELD_MAX_CHARS: Readonly<Record<FieldKey, number>> = {
  seq: 40,
  name: 100,
  idType: 40,
  idNumber: 40,
  phone: 40,
  principal: 40,
  returned: 40,
  bankName: 100,
  bankAccount: 40,
  address: 200,
  note: 1000,
  status: 40,
};

/** Excel's error values as Excel shows them, with what each means to a clerk. */
export const EXCEL_ERRORS: ReadonlyMap<string, string> = new Map([
  ['#N/A', '值不可用，常见于 VLOOKUP 等查找公式找不到对应项'],
  ['#REF!', '公式引用的单元格已被删除'],
  ['#VALUE!', '公式中的值类型不对'],
  ['#DIV/0!', '公式除以了零'],
  ['#NAME?', '公式中有无法识别的函数或名称'],
  ['#NUM!', '公式算出的数值无效'],
  ['#NULL!', '公式引用的区域没有交集'],
  ['#SPILL!', '公式结果无法放入相邻单元格'],
  ['#CALC!', '公式计算出错'],
  ['#GETTING_DATA', '外部数据尚未取回'],
  ['#FIELD!', '公式引用的字段不存在'],
  ['#BLOCKED!', '公式被阻止计算'],
  ['#CONNECT!', '公式连接外部数据失败'],
  ['#BUSY!', '公式尚未算完'],
  ['#UNKNOWN!', '公式计算出错'],
]);

/** Fields a row cannot do without (or that decide money): a bad cell there refuses the row. */
const ROW_FIELDS: ReadonlySet<FieldKey> = new Set(['name', 'idType', 'idNumber', 'principal', 'returned', 'bankAccount']);
const CHECKED: readonly FieldKey[] = ['name', 'idType', 'idNumber', 'phone', 'principal', 'returned', 'bankName', 'bankAccount', 'address', 'note'];

/** A problem found by these checks; `issue()` in validate-row.ts adds the row and column. */
export interface CellFinding {
  readonly field: FieldKey;
  readonly status: 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly value: CellValue | undefined;
}

export interface CellLimitsResult {
  readonly findings: readonly CellFinding[];
  /** The row's cells with invisible characters removed and refused optional fields blanked (the same array when nothing changed). */
  readonly cells: readonly CellValue[];
  /** Fields whose own check must not run (already reported). */
  readonly refused: ReadonlySet<FieldKey>;
}

const NOTHING: ReadonlySet<FieldKey> = new Set();

/** Checks the mapped cells of one row. `formulaColumns`: cells holding a formula with no saved result. */
export function checkCellLimits(
  cells: readonly CellValue[],
  mapping: ColumnMapping,
  formulaColumns?: readonly number[],
): CellLimitsResult {
  let findings: CellFinding[] | null = null;
  let out: CellValue[] | null = null;
  let refused: Set<FieldKey> | null = null;
  const refuse = (field: FieldKey, col: number, finding: CellFinding) => {
    findings ??= [];
    findings.push(finding);
    refused ??= new Set();
    refused.add(field);
    // An optional field that cannot be read is left blank; a required one fails the row anyway.
    if (finding.status === 'warning') {
      out ??= cells.slice();
      out[col] = null;
    }
  };
  for (const field of CHECKED) {
    const col = mapping[field];
    if (col === undefined) continue;
    const value = cells[col];
    const rowField = ROW_FIELDS.has(field);
    if (formulaColumns?.includes(col)) {
      refuse(field, col, {
        field,
        status: rowField ? 'error' : 'warning',
        code: 'FORMULA_NOT_CALCULATED',
        message: `单元格是公式，但文件中没有保存计算结果（常见于由程序生成、未在 Excel 中保存过的文件），无法得知它显示的值${rowField ? '' : '，本栏已留空'}。请用 Excel 或 WPS 打开该文件并保存一次后重新导入${rowField ? '本行' : ''}。`,
        value,
      });
      continue;
    }
    if (typeof value !== 'string') continue;
    if (value.length > FIELD_MAX_CHARS[field]) {
      refuse(field, col, {
        field,
        status: 'error',
        code: 'FIELD_TOO_LONG',
        message: `内容长 ${value.length.toLocaleString('en')} 个字符，超过本栏上限 ${FIELD_MAX_CHARS[field]} 个字符（超长内容无法导出、打印）。请在原表中核对删减后重新导入本行。`,
        value,
      });
      continue;
    }
    const meaning = value.charCodeAt(0) === 0x23 ? EXCEL_ERRORS.get(value.trim()) : undefined;
    if (meaning !== undefined) {
      refuse(field, col, {
        field,
        status: rowField ? 'error' : 'warning',
        code: 'EXCEL_ERROR_VALUE',
        message: `单元格是 Excel 错误值 ${value.trim()}（${meaning}），不是有效内容${rowField ? '' : '，本栏已留空'}。请在 Excel 中修正该公式，或把本列“选择性粘贴为数值”并补全后重新导入${rowField ? '本行' : ''}。`,
        value,
      });
      continue;
    }
    if (!hasInvisible(value)) continue;
    const found = findInvisible(value);
    if (!found) continue;
    if (field === 'idNumber') {
      refuse(field, col, {
        field,
        status: 'error',
        code: 'ID_INVISIBLE_CHARACTER',
        message: `证件号码${describeInvisible(found)}。这种字符看不见，却会让号码与证件不符。请在原表中重新输入该号码后重新导入本行。`,
        value,
      });
      continue;
    }
    findings ??= [];
    findings.push({
      field,
      status: 'warning',
      code: 'INVISIBLE_CHARACTER_REMOVED',
      message: `${describeInvisible(found)}，已自动删除。请核对本栏内容。`,
      value,
    });
    out ??= cells.slice();
    out[col] = stripInvisible(value);
  }
  if (findings === null) return { findings: [], cells, refused: NOTHING };
  return { findings, cells: out ?? cells, refused: refused ?? NOTHING };
}

/** A cell's text for a report: long text is cut, with its length, so a report never carries a megabyte. */
export function quotedValue(text: string): string {
  if (text.length <= 64) return text;
  let cut = 40;
  // Never split a surrogate pair (a rare name character outside the BMP).
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}…（共 ${text.length.toLocaleString('en')} 个字符）`;
}

