// The figures table as an xlsx workbook: every figure with this period, the same period a year
// before, the change, where this period's value comes from when its sources differ (the note the
// dashboard shows under the value, e.g. 涉及人数's 名单 / 填报) and its 口径 (so a reader of the file
// knows what was counted), and a second sheet with each figure per district.
import * as XLSX from '@e965/xlsx';
import { escapeWorkbookTexts } from '../common/ooxml-text';
import { describeChange } from './change';
import type { DistrictTable, FigureRow } from './compute';
import { cellValue, UNIT_ZH } from './format';
import { periodLabelZh } from './periods';
import type { FigurePeriod } from './types';

export interface FiguresWorkbookMeta {
  readonly officeName: string;
  readonly period: FigurePeriod;
  readonly previous: FigurePeriod;
  /** The district the figures were filtered to, or null for the whole office. */
  readonly district: string | null;
  readonly generatedOn: string;
}

const UNIT_COLUMN: Readonly<Record<string, string>> = { ...UNIT_ZH, fen: '元', rate: '%' };

export function figuresWorkbookBytes(rows: readonly FigureRow[], byDistrict: DistrictTable | null, meta: FiguresWorkbookMeta): Uint8Array {
  const title = `${meta.officeName}${meta.district ? `（${meta.district}）` : ''}${periodLabelZh(meta.period)}统计数据`;
  const head = [
    [title],
    [`统计期间：${meta.period.from} 至 ${meta.period.to}；上年同期：${meta.previous.from} 至 ${meta.previous.to}；区县：${meta.district ?? '全部'}；生成日期：${meta.generatedOn}`],
    ['编号', '指标', '单位', '本期', '上年同期', '同比增减', '本期数据来源', '口径（统计定义）'],
  ];
  const body = rows.map((r) => [
    r.figure.id,
    r.figure.label,
    UNIT_COLUMN[r.figure.unit] ?? '',
    cellValue(r.figure.unit, r.current),
    cellValue(r.figure.unit, r.previous),
    describeChange(r.change),
    r.current.note ?? '',
    r.current.unavailable ? `${r.figure.definition}（本期：${r.current.unavailable}）` : r.figure.definition,
  ]);
  const sheet = XLSX.utils.aoa_to_sheet([...head, ...body]);
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 7 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 7 } },
  ];
  sheet['!cols'] = [{ wch: 34 }, { wch: 24 }, { wch: 6 }, { wch: 18 }, { wch: 18 }, { wch: 18 }, { wch: 36 }, { wch: 90 }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '统计数据');
  if (byDistrict) {
    const names = byDistrict.columns.map((c) => c ?? '未归属区县');
    const rowsByDistrict = rows.map((r) => [
      r.figure.id,
      r.figure.label,
      UNIT_COLUMN[r.figure.unit] ?? '',
      ...(byDistrict.cells.get(r.figure.id) ?? []).map((cell) => cellValue(r.figure.unit, cell)),
      cellValue(r.figure.unit, r.current),
    ]);
    const districtSheet = XLSX.utils.aoa_to_sheet([[`${title}（分区县，本期）`], ['编号', '指标', '单位', ...names, '合计'], ...rowsByDistrict]);
    districtSheet['!cols'] = [{ wch: 34 }, { wch: 24 }, { wch: 6 }, ...names.map(() => ({ wch: 12 })), { wch: 14 }];
    XLSX.utils.book_append_sheet(book, districtSheet, '分区县');
  }
  const out: unknown = XLSX.write(escapeWorkbookTexts(book), { type: 'array', bookType: 'xlsx', bookSST: true });
  if (!(out instanceof ArrayBuffer)) throw new Error('xlsx writer returned no bytes');
  return new Uint8Array(out);
}
