// 广告监测 (finance advert monitoring): one advert record, typed by hand or read from a monitoring
// platform's export. The import reuses the creditor import's reading machinery (core/creditors:
// xlsx/xls/csv by magic bytes, encodings, file limits, header-word normalisation) and reports each
// row like the other imports: {row, status, code, message}. Invalid rows are never stored.
import { addDays, compareDates, parseIsoDate } from '../calendar/iso-date';
import { cellText, forEachCell } from '../creditors/cell';
import { headerKey } from '../creditors/header';
import { readSpreadsheet, SpreadsheetError } from '../creditors/read-file';
import type { CellValue, RowStatus, SheetRow } from '../creditors/types';
import { foldFullWidth } from '../money/normalize-text';
import { checkSubject, subjectKey } from './subject';
import type { FieldError } from './types';

export const ADVERT_FINDINGS = ['涉嫌非法集资', '违规金融广告', '夸大宣传', '无资质', '未发现问题'] as const;

export interface Advert {
  readonly id: string;
  readonly medium: string;
  readonly advertiser: string;
  /** The advertiser's 统一社会信用代码 when known (checked, GB 32100), for the screening ledger. */
  readonly advertiserCode: string | null;
  /** subjectKey of the advertiser: actions per advertiser and links join on it. */
  readonly advertiserKey: string;
  readonly date: string;
  readonly content: string;
  readonly link: string | null;
  readonly finding: string;
  /** The import it came from; null when typed by hand. */
  readonly importId: string | null;
  /** Identifies the same advert seen again (re-import detection). */
  readonly fingerprint: string;
}

export type AdvertField = 'medium' | 'advertiser' | 'advertiserCode' | 'date' | 'content' | 'link' | 'finding';

export const ADVERT_FIELD_LABELS: Readonly<Record<AdvertField, string>> = {
  medium: '发布媒介',
  advertiser: '广告主',
  advertiserCode: '统一社会信用代码',
  date: '监测日期',
  content: '广告内容',
  link: '链接',
  finding: '监测结论',
};

export const ADVERT_HEADER_ALIASES: Readonly<Record<AdvertField, readonly string[]>> = {
  medium: ['发布媒介', '媒介', '媒体', '发布平台', '平台', '媒体名称', '发布媒体', '渠道', '媒介类型'],
  advertiser: ['广告主', '广告主名称', '发布主体', '主体名称', '广告发布者', '企业名称', '广告主体'],
  advertiserCode: ['统一社会信用代码', '信用代码', '广告主统一社会信用代码', '社会信用代码'],
  date: ['监测日期', '发布日期', '发现日期', '日期', '监测时间', '发布时间'],
  content: ['广告内容', '内容', '广告标题', '标题', '广告语', '内容摘要'],
  link: ['链接', '网址', 'URL', '广告链接', '页面地址', '地址'],
  finding: ['监测结论', '结论', '发现问题', '问题', '监测结果', '违规情形', '判定结果'],
};

const REQUIRED: readonly AdvertField[] = ['medium', 'advertiser', 'date', 'content'];
const MAX_CHARS: Readonly<Record<AdvertField, number>> = { medium: 100, advertiser: 100, advertiserCode: 40, date: 40, content: 2000, link: 500, finding: 200 };

const EXACT = new Map<string, AdvertField>();
for (const [field, aliases] of Object.entries(ADVERT_HEADER_ALIASES) as Array<[AdvertField, readonly string[]]>) {
  for (const a of aliases) EXACT.set(headerKey(a).toUpperCase(), field);
}

export type AdvertMapping = Partial<Record<AdvertField, number>>;

export function mapAdvertHeader(cells: readonly CellValue[]): { mapping: AdvertMapping; matches: number } {
  const mapping: AdvertMapping = {};
  let matches = 0;
  forEachCell(cells, (cell, col) => {
    if (typeof cell !== 'string') return;
    const field = EXACT.get(headerKey(cell).toUpperCase());
    if (!field || mapping[field] !== undefined) return;
    mapping[field] = col;
    matches++;
  });
  return { mapping, matches };
}

/** Excel's serial day (1900 system; SheetJS gives raw numbers) as YYYY-MM-DD. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return addDays('1899-12-30', Math.floor(serial));
}

/** Dates as monitoring platforms write them: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, with a time, or an Excel serial. */
export function parseAdvertDate(value: CellValue | undefined): { ok: true; date: string } | { ok: false; message: string } {
  if (typeof value === 'number') {
    const d = excelSerialDate(value);
    return d ? { ok: true, date: d } : { ok: false, message: `“${value}”不是日期` };
  }
  const text = foldFullWidth(cellText(value));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (!m) return { ok: false, message: text === '' ? '为空' : `“${text}”不是日期（应写作 2026-03-05 或 2026年3月5日）` };
  const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
  const checked = parseIsoDate(iso, '监测日期');
  return checked.ok ? { ok: true, date: checked.value } : { ok: false, message: `“${text}”不是有效日期` };
}

/** A date cell as text: an Excel serial number becomes YYYY-MM-DD, anything else stays as written. */
function dateCellText(value: CellValue | undefined): string {
  if (typeof value !== 'number') return cellText(value);
  const d = parseAdvertDate(value);
  return d.ok ? d.date : String(value);
}

export interface AdvertInput {
  readonly medium: string;
  readonly advertiser: string;
  readonly advertiserCode: string;
  readonly date: string;
  readonly content: string;
  readonly link: string;
  readonly finding: string;
}

/** Fields of one advert, checked; messages name the field (and the caller adds the row). */
export function checkAdvertInput(input: AdvertInput, today: string): { value: Omit<Advert, 'id' | 'importId'> | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text: Record<AdvertField, string> = {
    medium: input.medium.trim(),
    advertiser: input.advertiser.trim().replace(/\s+/g, ' '),
    advertiserCode: input.advertiserCode.trim(),
    date: input.date.trim(),
    content: input.content.trim(),
    link: input.link.trim(),
    finding: input.finding.trim(),
  };
  for (const f of REQUIRED) if (text[f] === '') errors.push({ field: f, message: `${ADVERT_FIELD_LABELS[f]}为空：请填写。` });
  for (const f of Object.keys(MAX_CHARS) as AdvertField[]) {
    if (text[f].length > MAX_CHARS[f]) errors.push({ field: f, message: `${ADVERT_FIELD_LABELS[f]}超过 ${MAX_CHARS[f]} 个字：请删减。` });
  }
  let date = '';
  if (text.date !== '') {
    const d = parseAdvertDate(text.date);
    if (!d.ok) errors.push({ field: 'date', message: `监测日期${d.message}：请改正。` });
    else if (compareDates(d.date, today) > 0) errors.push({ field: 'date', message: `监测日期 ${d.date} 晚于今天：请核对。` });
    else date = d.date;
  }
  let code: string | null = null;
  if (text.advertiserCode !== '') {
    const s = checkSubject({ kind: 'firm', name: text.advertiser || '广告主', creditCode: text.advertiserCode }, '广告主', 'advertiser');
    const codeError = s.errors.find((e) => e.field === 'advertiser.creditCode');
    if (codeError) errors.push({ field: 'advertiserCode', message: codeError.message });
    else code = s.subject?.creditCode ?? null;
  }
  if (errors.length > 0) return { value: null, errors };
  const advertiserKey = subjectKey({ kind: 'firm', name: text.advertiser, creditCode: code });
  const fingerprint = `${advertiserKey}|${date}|${text.medium}|${text.link || text.content}`;
  return {
    value: {
      medium: text.medium,
      advertiser: text.advertiser,
      advertiserCode: code,
      advertiserKey,
      date,
      content: text.content,
      link: text.link === '' ? null : text.link,
      finding: text.finding === '' ? '未填写' : text.finding,
      fingerprint,
    },
    errors,
  };
}

export interface AdvertRowOutcome {
  readonly row: number;
  readonly status: RowStatus;
  readonly code: string;
  readonly message: string;
}

export interface AdvertCheckResult {
  readonly fatal: { readonly code: string; readonly message: string } | null;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly rows: AdvertRowOutcome[];
  readonly adverts: Omit<Advert, 'id' | 'importId'>[];
  readonly errorRows: number;
  readonly warningRows: number;
  readonly skipped: number;
}

export interface AdvertCheckOptions {
  readonly sheet?: string;
  readonly today: string;
  /** Fingerprints of adverts already stored: a row seen before is a warning and is not stored twice. */
  readonly known?: ReadonlySet<string>;
  /** Told the Excel row reached every 5,000 rows (the import worker shows it). */
  readonly onProgress?: (rowsRead: number) => void;
}

const PROGRESS_EVERY_ROWS = 5_000;

const FIELD_CODES: Readonly<Record<AdvertField, string>> = {
  medium: 'MEDIUM',
  advertiser: 'ADVERTISER',
  advertiserCode: 'ORG_CODE',
  date: 'DATE',
  content: 'CONTENT',
  link: 'LINK',
  finding: 'FINDING',
};

const TOTAL_ROW = /^(合计|总计|小计|注[:：]|制表|填表|说明[:：])/;

function fatal(code: string, message: string): AdvertCheckResult {
  return { fatal: { code, message }, sheetName: '', headerRow: 0, rows: [], adverts: [], errorRows: 0, warningRows: 0, skipped: 0 };
}

/** Rows of a monitoring export: the header among the first 50 rows (≥ 3 known columns). */
export function checkAdvertRows(rows: Iterable<SheetRow>, options: AdvertCheckOptions, sheetName = ''): AdvertCheckResult {
  let mapping: AdvertMapping | null = null;
  let headerRow = 0;
  const out: AdvertRowOutcome[] = [];
  const adverts: Omit<Advert, 'id' | 'importId'>[] = [];
  const seen = new Set<string>();
  let errorRows = 0;
  let warningRows = 0;
  let skipped = 0;
  let searched = 0;
  for (const r of rows) {
    if (options.onProgress && r.row % PROGRESS_EVERY_ROWS === 0) options.onProgress(r.row);
    if (!mapping) {
      searched++;
      const found = mapAdvertHeader(r.cells);
      if (found.matches >= 3 && found.mapping.advertiser !== undefined) {
        mapping = found.mapping;
        headerRow = r.row;
        const missing = REQUIRED.filter((f) => found.mapping[f] === undefined);
        if (missing.length > 0) {
          return fatal('COLUMN_MISSING', `第 ${r.row} 行的表头缺少必需的列：${missing.map((f) => ADVERT_FIELD_LABELS[f]).join('、')}。请在表头中加上这些列（可用的列名如“${missing.map((f) => ADVERT_HEADER_ALIASES[f][0]).join('”“')}”）后重新导入。`);
        }
      } else if (searched >= 50) break;
      continue;
    }
    const m = mapping;
    const get = (f: AdvertField): string => {
      const c = m[f];
      return c === undefined ? '' : cellText(r.cells[c]);
    };
    const values: AdvertInput = {
      medium: get('medium'),
      advertiser: get('advertiser'),
      advertiserCode: get('advertiserCode'),
      date: dateCellText(m.date === undefined ? undefined : r.cells[m.date]),
      content: get('content'),
      link: get('link'),
      finding: get('finding'),
    };
    const all = Object.values(values).join('');
    if (all === '' || TOTAL_ROW.test(values.medium) || TOTAL_ROW.test(all)) {
      skipped++;
      continue;
    }
    // A header repeated on each printed page is not data.
    if (mapAdvertHeader(r.cells).matches >= 3) {
      skipped++;
      continue;
    }
    const checked = checkAdvertInput(values, options.today);
    const first = checked.errors[0];
    if (!checked.value || first) {
      errorRows++;
      const field = (first?.field ?? 'content') as AdvertField;
      const code = `${FIELD_CODES[field]}_${values[field] === '' ? 'MISSING' : 'INVALID'}`;
      out.push({ row: r.row, status: 'error', code, message: `第 ${r.row} 行：${checked.errors.map((e) => e.message).join('；')}` });
      continue;
    }
    const fp = checked.value.fingerprint;
    if (options.known?.has(fp)) {
      warningRows++;
      out.push({ row: r.row, status: 'warning', code: 'ALREADY_IMPORTED', message: `第 ${r.row} 行：这条广告（${checked.value.advertiser}，${checked.value.date}）已在监测台账中，不再重复导入。` });
      continue;
    }
    if (seen.has(fp)) {
      warningRows++;
      out.push({ row: r.row, status: 'warning', code: 'DUPLICATE_ROW', message: `第 ${r.row} 行：与本文件前面的一行是同一条广告（${checked.value.advertiser}，${checked.value.date}），只导入一次。` });
      continue;
    }
    seen.add(fp);
    adverts.push(checked.value);
    out.push({ row: r.row, status: 'ok', code: 'OK', message: '' });
  }
  if (!mapping) {
    return fatal('HEADER_NOT_FOUND', `前 50 行中没有找到表头：表头须至少包含“广告主”“发布媒介”“监测日期”“广告内容”中的三列。请核对文件，或把表头改成这些列名后重新导入。`);
  }
  return { fatal: null, sheetName, headerRow, rows: out, adverts, errorRows, warningRows, skipped };
}

/** The whole check of a file (xlsx/xls/csv): what the app's import and the CLI run. */
export function checkAdvertFile(bytes: Uint8Array, fileName: string, options: AdvertCheckOptions): AdvertCheckResult {
  try {
    const sheet = readSpreadsheet(bytes, fileName, options.sheet);
    return checkAdvertRows(sheet.rows, options, sheet.sheetName);
  } catch (err) {
    if (err instanceof SpreadsheetError) return fatal(err.code, err.message);
    if (err instanceof Error && /Csv|CSV/.test(err.name)) return fatal('FILE_UNREADABLE', err.message);
    throw err;
  }
}

export const ADVERT_ACTION_KINDS = ['约谈', '警告', '责令停止发布', '移送公安'] as const;
export type AdvertActionKind = (typeof ADVERT_ACTION_KINDS)[number];

/** An action taken on one advert or on an advertiser (all its adverts). */
export interface AdvertAction {
  readonly id: string;
  readonly target: 'advert' | 'advertiser';
  /** The advert's id, or the advertiser's key. */
  readonly targetId: string;
  readonly advertiser: string;
  readonly kind: AdvertActionKind;
  readonly date: string;
  readonly documentNo: string | null;
  readonly note: string;
  readonly by: string;
}

export interface AdvertActionInput {
  readonly kind: string;
  readonly date: string;
  readonly documentNo: string;
  readonly note: string;
}

export function checkAdvertAction(input: AdvertActionInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!ADVERT_ACTION_KINDS.includes(input.kind as AdvertActionKind)) errors.push({ field: 'kind', message: '处置措施未选择：请选择约谈、警告、责令停止发布或移送公安。' });
  const d = parseIsoDate(input.date.trim(), '处置日期');
  if (!d.ok) errors.push({ field: 'date', message: `处置日期有误：${d.error}` });
  else if (compareDates(d.value, today) > 0) errors.push({ field: 'date', message: `处置日期 ${d.value} 晚于今天：请填写实际处置的日期。` });
  if ((input.kind === '移送公安' || input.kind === '责令停止发布') && input.documentNo.trim() === '') {
    errors.push({ field: 'documentNo', message: `${input.kind}须有文书：请填写文书文号。` });
  }
  return errors;
}
