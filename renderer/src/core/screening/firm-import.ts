// Importing the ledger of firms from a market-regulation registry export or a department's
// spreadsheet (xlsx/xls/csv), with the creditor import's reading machinery (limits on hostile
// files, encodings, merged cells): header aliases, one verdict per row in Chinese numbered as
// Excel does, merge by credit code (in the file and against the ledger), the keyword check.
// Pure: the repository commits the result in one transaction.

import { cellText, forEachCell } from '../creditors/cell';
import { CsvEncodingError, CsvStructureError, csvRows } from '../creditors/read-csv';
import { openWorkbook, SpreadsheetError, spreadsheetKind } from '../creditors/read-file';
import { sheetRows } from '../creditors/read-xlsx';
import type { CellValue, SheetRow } from '../creditors/types';
import { foldFullWidth } from '../money';
import { CODE_PENDING_WARNING, FIRM_FIELD_LABELS, type FirmInput, type FirmValue, validateFirm } from './firm';
import type { KeywordMatcher } from './keywords';

export type FirmField = keyof FirmInput;

/** Header texts seen in registry exports (国家企业信用信息公示系统, 市场监管登记库) and department lists. */
export const FIRM_HEADER_ALIASES: Readonly<Record<FirmField, readonly string[]>> = {
  name: ['企业名称', '名称', '单位名称', '市场主体名称', '主体名称', '公司名称', '企业（机构）名称', '机构名称', '排查对象', '排查对象名称'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', '注册号/统一社会信用代码', '统一社会信用代码/注册号', '代码'],
  legalRep: ['法定代表人', '法人代表', '法人', '负责人', '法定代表人（负责人）', '经营者', '投资人'],
  address: ['住所', '地址', '注册地址', '经营场所', '住所（经营场所）', '企业地址', '注册地'],
  district: ['所属区县', '区县', '所属区域', '辖区', '区域', '属地', '所在区县', '登记机关'],
  sector: ['行业', '所属行业', '行业类别', '国民经济行业', '行业门类'],
  registeredOn: ['成立日期', '注册日期', '登记日期', '设立日期', '成立时间', '核准日期'],
  businessScope: ['经营范围', '主营业务', '业务范围', '许可经营项目'],
  department: ['责任部门', '主管部门', '行业主管部门', '负责部门', '责任单位', '排查单位'],
  departmentKind: ['责任类型', '监管类型', '属地/行业'],
  contacts: ['联系人', '联系电话', '联系方式', '联系人及电话', '电话'],
};

export const FIRM_HEADER_SEARCH_ROWS = 50;

const exact = new Map<string, FirmField>();
const contains: Array<{ alias: string; field: FirmField }> = [];
for (const [field, aliases] of Object.entries(FIRM_HEADER_ALIASES) as Array<[FirmField, readonly string[]]>) {
  for (const a of aliases) {
    const key = headerKey(a);
    if (!exact.has(key)) exact.set(key, field);
    if (key.length >= 2) contains.push({ alias: key, field });
  }
}
contains.sort((a, b) => b.alias.length - a.alias.length);

function headerKey(text: string): string {
  return foldFullWidth(text)
    .replace(/[\s\u00a0*＊:：]+/g, '')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '');
}

export function classifyFirmHeader(text: string): FirmField | null {
  const key = headerKey(text);
  if (key === '' || /[:：]/.test(foldFullWidth(text).trim().slice(0, -1))) return null;
  const hit = exact.get(key);
  if (hit) return hit;
  if (key.length > 14) return null;
  for (const { alias, field } of contains) if (key.includes(alias)) return field;
  return null;
}

export type FirmMapping = Partial<Record<FirmField, number>>;

export function mapFirmHeader(cells: readonly CellValue[]): { mapping: FirmMapping; matches: number } {
  const mapping: FirmMapping = {};
  let matches = 0;
  forEachCell(cells, (cell, col) => {
    if (typeof cell !== 'string') return;
    const field = classifyFirmHeader(cell);
    if (!field || mapping[field] !== undefined) return;
    mapping[field] = col;
    matches++;
  });
  return { mapping, matches };
}

function isFirmHeader(cells: readonly CellValue[]): boolean {
  const { mapping, matches } = mapFirmHeader(cells);
  return matches >= 2 && mapping.name !== undefined;
}

export type FirmRowStatus = 'ok' | 'warning' | 'error';

export interface FirmRowOutcome {
  /** Excel's row number (CSV: record number). */
  readonly row: number;
  readonly status: FirmRowStatus;
  readonly code: string;
  readonly message: string;
  readonly keywords: readonly string[];
  /** Every issue when there are several (the first leads). */
  readonly issues: ReadonlyArray<{ readonly code: string; readonly message: string }>;
}

/** A firm the import would write: new, or an update of one already in the ledger. */
export interface ImportedFirm {
  readonly row: number;
  readonly value: FirmValue;
  /** The ledger firm it updates (same credit code, or same name for one without a code); null = new. */
  readonly existingId: string | null;
}

/** What the ledger already holds, for re-import detection. */
export interface LedgerIndex {
  readonly byCode: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  readonly pendingByName: ReadonlyMap<string, string>;
}

export const EMPTY_LEDGER_INDEX: LedgerIndex = { byCode: new Map(), pendingByName: new Map() };

export interface FirmImportResult {
  readonly fatal?: { readonly code: string; readonly message: string };
  readonly sheetName: string;
  readonly sheetNames: readonly string[];
  readonly headerRow: number;
  readonly mapping: FirmMapping;
  readonly rows: readonly FirmRowOutcome[];
  readonly firms: readonly ImportedFirm[];
  readonly dataRows: number;
  readonly okRows: number;
  readonly warningRows: number;
  readonly errorRows: number;
  /** Rows whose name or business scope holds a finance keyword. */
  readonly keywordHits: number;
  readonly newFirms: number;
  /** Firms already in the ledger (re-import): updated, never duplicated. */
  readonly existingFirms: number;
  readonly skippedRows: number;
}

export interface FirmImportOptions {
  readonly sheet?: string;
  readonly today: string;
  readonly matcher: KeywordMatcher;
  readonly ledger?: LedgerIndex;
  /** Told every few thousand rows (the Excel row number reached), so a worker can show progress. */
  readonly onProgress?: (rowsRead: number) => void;
}

const PROGRESS_EVERY_ROWS = 5_000;

function emptyResult(fatal: { code: string; message: string }, sheetNames: readonly string[] = []): FirmImportResult {
  return {
    fatal,
    sheetName: '',
    sheetNames,
    headerRow: 0,
    mapping: {},
    rows: [],
    firms: [],
    dataRows: 0,
    okRows: 0,
    warningRows: 0,
    errorRows: 0,
    keywordHits: 0,
    newFirms: 0,
    existingFirms: 0,
    skippedRows: 0,
  };
}

interface SheetSource {
  readonly sheetName: string;
  readonly sheetNames: readonly string[];
  readonly rows: Iterable<SheetRow>;
}

function firstRows(rows: Iterable<SheetRow>, n: number): SheetRow[] {
  const out: SheetRow[] = [];
  for (const r of rows) {
    out.push(r);
    if (out.length >= n) break;
  }
  return out;
}

/** The sheet to read: the one named, else the first whose first 50 rows hold a firm header. */
function openSource(bytes: Uint8Array, fileName: string, sheet?: string): SheetSource {
  if (spreadsheetKind(bytes) === 'csv') {
    if (sheet !== undefined && sheet !== fileName) throw new SpreadsheetError('SHEET_NOT_FOUND', `CSV 文件只有一个工作表，没有“${sheet}”。`);
    return { sheetName: fileName, sheetNames: [fileName], rows: csvRows(bytes).rows };
  }
  const book = openWorkbook(bytes, fileName, sheet);
  const names = book.SheetNames;
  const chosen =
    sheet ??
    names.find((n) => {
      const ws = book.Sheets[n];
      return ws !== undefined && firstRows(sheetRows(ws), FIRM_HEADER_SEARCH_ROWS).some((r) => isFirmHeader(r.cells));
    }) ??
    names[0];
  const ws = chosen === undefined ? undefined : book.Sheets[chosen];
  if (chosen === undefined || !ws) {
    throw new SpreadsheetError('SHEET_NOT_FOUND', `工作簿中没有名为“${chosen ?? ''}”的工作表（现有：${names.join('、') || '无'}）。请选择其中之一。`);
  }
  return { sheetName: chosen, sheetNames: names, rows: sheetRows(ws) };
}

const TOTAL_ROW = /^(合计|总计|小计)/;
const NOTE_ROW = /^(注|说明|备注|制表|填表|审核人|负责人)[:：]?/;

function rowInput(cells: readonly CellValue[], mapping: FirmMapping): FirmInput {
  const get = (f: FirmField): string => {
    const col = mapping[f];
    return col === undefined ? '' : cellText(cells[col]);
  };
  return {
    name: get('name'),
    creditCode: get('creditCode'),
    legalRep: get('legalRep'),
    address: get('address'),
    district: get('district'),
    sector: get('sector'),
    registeredOn: excelDate(cells[mapping.registeredOn ?? -1]) ?? get('registeredOn'),
    businessScope: get('businessScope'),
    department: get('department'),
    departmentKind: get('departmentKind'),
    contacts: get('contacts'),
  };
}

/** A date typed into Excel is a serial number (days since 1899-12-30). */
function excelDate(cell: CellValue | undefined): string | null {
  if (typeof cell !== 'number' || !Number.isFinite(cell) || cell < 1 || cell > 100_000) return null;
  const ms = Math.round(cell) * 86_400_000 + Date.UTC(1899, 11, 30);
  return new Date(ms).toISOString().slice(0, 10);
}

function nameKey(name: string): string {
  return name.replace(/[\s\u00a0\u3000]+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

/** Reads and checks a ledger file; nothing is written. Unreadable files come back as `fatal`. */
export function checkFirmFile(bytes: Uint8Array, fileName: string, options: FirmImportOptions): FirmImportResult {
  let source: SheetSource;
  try {
    source = openSource(bytes, fileName, options.sheet);
  } catch (err) {
    if (err instanceof SpreadsheetError || err instanceof CsvEncodingError || err instanceof CsvStructureError) return emptyResult({ code: err.code, message: err.message });
    throw err;
  }
  try {
    return checkFirmRows(source.rows, source.sheetName, source.sheetNames, options);
  } catch (err) {
    if (err instanceof CsvEncodingError || err instanceof CsvStructureError) return emptyResult({ code: err.code, message: err.message }, source.sheetNames);
    throw err;
  }
}

/** The import over rows already read (tests, the CLI and the bench share it). */
export function checkFirmRows(rows: Iterable<SheetRow>, sheetName: string, sheetNames: readonly string[], options: FirmImportOptions): FirmImportResult {
  const { matcher, today } = options;
  const ledger = options.ledger ?? EMPTY_LEDGER_INDEX;
  let mapping: FirmMapping | null = null;
  let headerRow = 0;
  let seen = 0;
  const outcomes: FirmRowOutcome[] = [];
  const firms: ImportedFirm[] = [];
  const byCode = new Map<string, number>();
  const byPendingName = new Map<string, number>();
  let skipped = 0;
  let keywordHits = 0;

  for (const row of rows) {
    if (options.onProgress && row.row % PROGRESS_EVERY_ROWS === 0) options.onProgress(row.row);
    if (mapping === null) {
      seen++;
      if (isFirmHeader(row.cells)) {
        mapping = mapFirmHeader(row.cells).mapping;
        headerRow = row.row;
      } else if (seen >= FIRM_HEADER_SEARCH_ROWS) break;
      continue;
    }
    const texts: string[] = [];
    forEachCell(row.cells, (c) => {
      const t = cellText(c);
      if (t !== '') texts.push(t);
    });
    const first = texts[0] ?? '';
    if (texts.length === 0 || (texts.length === 1 && /^\d+$/.test(first)) || TOTAL_ROW.test(first.replace(/\s/g, '')) || NOTE_ROW.test(first)) {
      skipped++;
      continue;
    }
    if (isFirmHeader(row.cells)) {
      skipped++;
      continue;
    }
    const input = rowInput(row.cells, mapping);
    const checked = validateFirm(input, matcher, today);
    if (!checked.ok) {
      const issues = checked.errors.map((e) => {
        const label = FIRM_FIELD_LABELS[e.field as FirmField] ?? e.field;
        return { code: errorCode(e.field), message: `第 ${row.row} 行 ${label}：${stripLabel(e.message, label)}` };
      });
      outcomes.push(outcome(row.row, 'error', issues, []));
      continue;
    }
    const v = checked.value;
    const issues: Array<{ code: string; message: string }> = [];
    let status: FirmRowStatus = 'ok';
    for (const w of checked.warnings) {
      issues.push({ code: w.field === 'creditCode' ? 'CODE_PENDING' : 'WARNING', message: `第 ${row.row} 行：${w.field === 'creditCode' ? CODE_PENDING_WARNING : w.message}` });
      status = 'warning';
    }
    // Merge in the file: one firm per credit code (or per name while the code is pending).
    const fileIndex = v.creditCode ? byCode.get(v.creditCode) : byPendingName.get(nameKey(v.name));
    if (fileIndex !== undefined) {
      const earlier = firms[fileIndex];
      if (earlier && v.creditCode && nameKey(earlier.value.name) !== nameKey(v.name)) {
        outcomes.push(
          outcome(row.row, 'error', [{ code: 'CODE_NAME_CONFLICT', message: `第 ${row.row} 行 统一社会信用代码：${v.creditCode} 在第 ${earlier.row} 行已登记为“${earlier.value.name}”，与本行“${v.name}”不符。请核对代码，确认后修改其中一行。` }], v.keywordHits),
        );
        continue;
      }
      if (earlier) {
        firms[fileIndex] = { ...earlier, value: fillBlanks(earlier.value, v) };
        issues.push({ code: 'DUPLICATE_IN_FILE', message: `第 ${row.row} 行与第 ${earlier.row} 行是同一企业（${v.creditCode || v.name}），已合并为一条，空白项由本行补充。` });
        status = 'warning';
      }
    }
    if (v.keywordHits.length > 0) {
      keywordHits++;
      issues.push({ code: 'KEYWORD_HIT', message: `第 ${row.row} 行：名称或经营范围含涉金融关键字样“${v.keywordHits.join('、')}”，导入后标为待评估。` });
      status = 'warning';
    }
    if (fileIndex === undefined) {
      let existingId: string | null = null;
      if (v.creditCode) {
        const existing = ledger.byCode.get(v.creditCode);
        if (existing) {
          existingId = existing.id;
          issues.push({
            code: 'ALREADY_IN_LEDGER',
            message:
              nameKey(existing.name) === nameKey(v.name)
                ? `第 ${row.row} 行：${v.name} 已在台账中（代码相同），导入时更新其信息，不会重复登记。`
                : `第 ${row.row} 行：代码 ${v.creditCode} 在台账中登记为“${existing.name}”，本行名称为“${v.name}”，导入时按本行更新名称（如为更名请确认）。`,
          });
          status = 'warning';
        }
      } else {
        const pending = ledger.pendingByName.get(nameKey(v.name));
        if (pending) {
          existingId = pending;
          issues.push({ code: 'ALREADY_IN_LEDGER', message: `第 ${row.row} 行：${v.name} 已在台账中（待补充代码），导入时更新其信息，不会重复登记。` });
          status = 'warning';
        }
      }
      if (v.creditCode) byCode.set(v.creditCode, firms.length);
      else byPendingName.set(nameKey(v.name), firms.length);
      firms.push({ row: row.row, value: v, existingId });
    }
    outcomes.push(outcome(row.row, status, issues, v.keywordHits));
  }

  if (mapping === null) {
    return emptyResult(
      {
        code: 'HEADER_NOT_FOUND',
        message: `工作表“${sheetName}”前 ${FIRM_HEADER_SEARCH_ROWS} 行中找不到表头：表头应含“企业名称”及“统一社会信用代码”“法定代表人”“住所”等列中的至少一列。请检查是否选错了工作表。`,
      },
      sheetNames,
    );
  }
  const count = (s: FirmRowStatus) => outcomes.filter((o) => o.status === s).length;
  const existing = firms.filter((f) => f.existingId !== null).length;
  return {
    sheetName,
    sheetNames,
    headerRow,
    mapping,
    rows: outcomes,
    firms,
    dataRows: outcomes.length,
    okRows: count('ok'),
    warningRows: count('warning'),
    errorRows: count('error'),
    keywordHits,
    newFirms: firms.length - existing,
    existingFirms: existing,
    skippedRows: skipped,
  };
}

function outcome(row: number, status: FirmRowStatus, issues: Array<{ code: string; message: string }>, keywords: readonly string[]): FirmRowOutcome {
  const lead = issues[0];
  return { row, status, code: lead?.code ?? 'OK', message: lead?.message ?? '', keywords, issues };
}

function errorCode(field: string): string {
  switch (field) {
    case 'name':
      return 'NAME_MISSING';
    case 'creditCode':
      return 'CODE_INVALID';
    case 'registeredOn':
      return 'DATE_INVALID';
    case 'departmentKind':
      return 'DEPARTMENT_KIND_INVALID';
    default:
      return 'FIELD_TOO_LONG';
  }
}

/** Messages start with the field's label; the row report puts it after the row number instead. */
function stripLabel(message: string, label: string): string {
  return message.startsWith(`${label}：`) ? message.slice(label.length + 1) : message;
}

function fillBlanks(a: FirmValue, b: FirmValue): FirmValue {
  const pick = (x: string, y: string) => (x === '' ? y : x);
  return {
    ...a,
    legalRep: pick(a.legalRep, b.legalRep),
    address: pick(a.address, b.address),
    district: pick(a.district, b.district),
    sector: pick(a.sector, b.sector),
    registeredOn: a.registeredOn === '' ? b.registeredOn : a.registeredOn,
    businessScope: pick(a.businessScope, b.businessScope),
    department: pick(a.department, b.department),
    contacts: pick(a.contacts, b.contacts),
    keywordHits: [...new Set([...a.keywordHits, ...b.keywordHits])],
  };
}
