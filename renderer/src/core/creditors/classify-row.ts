// Rows under the header that are not creditors: blank rows, totals (合计/小计), notes under the table.
import { foldFullWidth } from '../money';
import { cellText, forEachCell, isEmptyCell } from './cell';
import type { CellValue, ColumnMapping } from './types';

export type RowKind = 'data' | 'blank' | 'total' | 'note';

const TOTAL = /^(?:总合计|本页合计|合计|总计|小计|共计|累计)/;
// Notes and sign-off lines printed under a table.
const NOTE = /^(?:注|备注|说明|填表说明|附注|制表|审核|复核|填报人|填表人|负责人|经办人|签字|盖章|单位盖章|以下空白)/;

export interface ClassifyState {
  /** A grand total (合计/总计) has been seen: what follows with little content is a note. */
  afterGrandTotal: boolean;
}

/**
 * Decides whether a row below the header is a creditor row. A row whose only content is in the
 * 序号 column (pre-numbered empty template rows) counts as blank.
 */
export function classifyRow(cells: readonly CellValue[], mapping: ColumnMapping, state: ClassifyState): RowKind {
  let filled = 0;
  let first: CellValue | undefined;
  forEachCell(cells, (v, c) => {
    if (isEmptyCell(v)) return;
    if (first === undefined) first = v;
    // Pre-numbered empty template rows carry only a number in the 序号 column.
    if (c !== mapping.seq || !DIGITS.test(cellText(v))) filled++;
  });
  if (filled === 0) return 'blank';
  // Most rows are creditors: the folded, space-free key of a cell is built only when it may match.
  if (
    (mayBeTotal(first) && TOTAL.test(key(first))) ||
    (mapping.seq !== undefined && mayBeTotal(cells[mapping.seq]) && TOTAL.test(key(cells[mapping.seq]))) ||
    (mapping.name !== undefined && mayBeTotal(cells[mapping.name]) && TOTAL.test(key(cells[mapping.name])))
  ) {
    if (!/^小计/.test(key(first))) state.afterGrandTotal = true;
    return 'total';
  }
  if (filled <= 2 && (state.afterGrandTotal || NOTE.test(key(first)))) return 'note';
  return 'data';
}

const DIGITS = /^\d+$/;
// First characters of the TOTAL words. A cell's key starts with its first non-space character
// (cellText trims the same spaces \s strips; folding maps full-width ASCII, never these), so a cell
// not starting with one of them cannot be a total.
const TOTAL_FIRST = new Set(['总', '本', '合', '小', '共', '累']);

function mayBeTotal(value: CellValue | undefined): boolean {
  return typeof value === 'string' && TOTAL_FIRST.has(cellText(value).charAt(0));
}

function key(value: CellValue | undefined): string {
  return foldFullWidth(cellText(value)).replace(/\s+/g, '');
}
