// Finding the header row below title rows and mapping Chinese header variants to fields.
import type { MoneyUnit } from '../money';
import { foldFullWidth } from '../money';
import { cellColumns, cellText, forEachCell } from './cell';
import type { CellValue, ColumnMapping, FieldKey } from './types';

/** Header texts seen in registers from police, courts, platforms and registration drives. */
export const HEADER_ALIASES: Readonly<Record<FieldKey, readonly string[]>> = {
  seq: ['序号', '编号', '序'],
  name: ['姓名', '出借人', '投资人', '客户姓名', '出借人姓名', '投资人姓名', '集资参与人', '集资参与人姓名', '参与人姓名', '姓名/名称', '姓名或名称', '客户名称', '户名', '名称', '单位名称', '投资人名称'],
  idType: ['证件类型', '证件种类', '证件类别'],
  idNumber: ['身份证号码', '证件号码', '身份证号', '身份证', '证件号', '身份证件号码', '公民身份号码', '证件号码/统一社会信用代码', '身份证号码/统一社会信用代码', '统一社会信用代码', '证照号码'],
  phone: ['联系电话', '手机号', '电话', '手机', '手机号码', '联系方式', '电话号码', '联系电话/手机'],
  principal: ['投资金额', '出借金额', '本金', '投资本金', '集资金额', '参与金额', '认购金额', '出借本金', '投资额', '投资总额', '合同金额', '金额'],
  returned: ['已获收益', '已兑付金额', '已返还', '已获利息', '返利', '已返还金额', '已获利息/返利', '已兑付', '已收回金额', '已获返利', '已获收益金额', '已领取收益', '已领取利息', '已兑付本息', '已收回', '收益', '利息'],
  bankName: ['开户银行', '开户行', '银行', '开户银行名称', '开户行名称', '收款银行'],
  bankAccount: ['银行卡号', '银行账号', '收款账号', '卡号', '账号', '银行帐号', '收款帐号', '银行卡账号', '开户账号'],
  address: ['住址', '地址', '家庭住址', '联系地址', '通讯地址', '户籍地址', '现住址', '身份证地址'],
  note: ['备注', '说明'],
  status: ['核实状态', '审核状态', '核实情况', '核实结果', '审核结果', '核查状态'],
};

/** Fields a register cannot do without. */
export const REQUIRED_FIELDS: readonly FieldKey[] = ['name', 'idNumber', 'principal'];

/** Chinese labels of fields, for messages and the mapping UI. */
export const FIELD_LABELS: Readonly<Record<FieldKey, string>> = {
  seq: '序号',
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  principal: '投资金额',
  returned: '已获收益',
  bankName: '开户银行',
  bankAccount: '银行账号',
  address: '住址',
  note: '备注',
  status: '核实状态',
};

const exactAlias = new Map<string, FieldKey>();
const containsAliases: Array<{ alias: string; field: FieldKey }> = [];
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as Array<[FieldKey, readonly string[]]>) {
  for (const alias of aliases) {
    exactAlias.set(alias, field);
    // One-character aliases ("序") would match too much inside longer headers.
    if (alias.length >= 2) containsAliases.push({ alias, field });
  }
}
containsAliases.sort((a, b) => b.alias.length - a.alias.length);

const UNIT_IN_HEADER = /[（(【[]\s*(?:单位\s*[:：]?\s*)?(?:人民币\s*)?(万元|万|元)\s*[）)】\]]|(万元|元)$/;
const UNIT_IN_TITLE = /(?:金额)?单位\s*[:：]\s*(?:人民币\s*)?(万元|元)/;

export interface HeaderCell {
  readonly field: FieldKey | null;
  readonly unit: MoneyUnit | null;
}

/** Header text reduced to what identifies it: full-width folded, spaces, asterisks and bracketed notes removed. */
export function headerKey(text: string): string {
  return foldFullWidth(text)
    .replace(/[\s\u00a0*＊:：]+/g, '')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/(万元|元)$/, '');
}

/** Which field a header cell names, and the money unit written in it, if any. */
export function classifyHeader(text: string): HeaderCell {
  const folded = foldFullWidth(text).replace(/\s+/g, '');
  const unitMatch = UNIT_IN_HEADER.exec(folded);
  const unitText = unitMatch ? (unitMatch[1] ?? unitMatch[2]) : undefined;
  const unit: MoneyUnit | null = unitText === undefined ? null : unitText === '元' ? 'yuan' : 'wan';
  // "电话：0631-5200000" in a title block is a label with its value, not a column header.
  const unbracketed = folded.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '');
  if (/[:：]./.test(unbracketed)) return { field: null, unit: null };
  const key = headerKey(text);
  if (key === '') return { field: null, unit };
  const exact = exactAlias.get(key);
  if (exact) return { field: exact, unit };
  // Long texts are titles or notes, not headers.
  if (key.length > 14) return { field: null, unit: null };
  for (const { alias, field } of containsAliases) if (key.includes(alias)) return { field, unit };
  return { field: null, unit };
}

export interface HeaderLayout {
  readonly mapping: ColumnMapping;
  readonly units: Partial<Record<'principal' | 'returned', MoneyUnit>>;
  /** How many cells named a known field. */
  readonly matches: number;
}

/** Maps a header row; the first column naming a field wins. */
export function mapHeaderRow(cells: readonly CellValue[]): HeaderLayout {
  const mapping: ColumnMapping = {};
  const units: Partial<Record<'principal' | 'returned', MoneyUnit>> = {};
  let matches = 0;
  forEachCell(cells, (cell, col) => {
    if (typeof cell !== 'string') return;
    const { field, unit } = classifyHeader(cell);
    if (!field || mapping[field] !== undefined) return;
    mapping[field] = col;
    matches++;
    if (unit && (field === 'principal' || field === 'returned')) units[field] = unit;
  });
  return { mapping, units, matches };
}

/** A row is the header when at least two of its cells name known fields, one of them 姓名 or 证件号码. */
export function isHeaderRow(cells: readonly CellValue[]): boolean {
  const { mapping, matches } = mapHeaderRow(cells);
  return matches >= 2 && (mapping.name !== undefined || mapping.idNumber !== undefined);
}

/** "金额单位：万元" in a title row applies to amount columns whose header names no unit. */
export function unitFromTitleRow(cells: readonly CellValue[]): MoneyUnit | null {
  for (const cell of cells) {
    const m = UNIT_IN_TITLE.exec(foldFullWidth(cellText(cell)).replace(/\s+/g, ''));
    if (m) return m[1] === '万元' ? 'wan' : 'yuan';
  }
  return null;
}

/**
 * Two-row headers: a group cell such as "金额（元）" merged across columns above "投资本金 | 已获收益".
 * When the row under the header holds only header words (or copies of the cells above, from
 * vertical merges), the two rows are read as one: the lower text wins, and a unit of the group
 * cell carries to the columns under it. Returns null when the lower row is data.
 */
export function combineHeaderRows(upper: readonly CellValue[], lower: readonly CellValue[]): CellValue[] | null {
  let named = 0;
  const columns = cellColumns(upper, lower);
  for (const c of columns) {
    const low = cellText(lower[c]);
    if (low === '' || low === cellText(upper[c])) continue;
    if (!classifyHeader(low).field) return null;
    named++;
  }
  if (named === 0) return null;
  const combined: CellValue[] = [];
  let groupUnit: MoneyUnit | null = null;
  for (const c of columns) {
    const up = cellText(upper[c]);
    const low = cellText(lower[c]);
    if (up !== '') groupUnit = classifyHeader(up).unit;
    if (low === '' || low === up) {
      combined[c] = up;
      continue;
    }
    const unit = classifyHeader(low).unit ?? groupUnit;
    combined[c] = unit && !classifyHeader(low).unit ? `${low}（${unit === 'wan' ? '万元' : '元'}）` : low;
  }
  return combined;
}
