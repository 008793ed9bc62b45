// Periods a user picks on the dashboard (year, quarter, month, any dates) and how the report names
// them. A period is a closed range of ISO dates; "the same period a year before" is compute.ts's.
import { daysInMonth, formatIsoDate, isIsoDate } from '../calendar/iso-date';
import type { FigurePeriod } from './types';

export type PeriodChoice =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

export function periodOf(choice: PeriodChoice): FigurePeriod {
  switch (choice.kind) {
    case 'year':
      return { from: formatIsoDate(choice.year, 1, 1), to: formatIsoDate(choice.year, 12, 31) };
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return { from: formatIsoDate(choice.year, first, 1), to: formatIsoDate(choice.year, first + 2, daysInMonth(choice.year, first + 2)) };
    }
    case 'month':
      return { from: formatIsoDate(choice.year, choice.month, 1), to: formatIsoDate(choice.year, choice.month, daysInMonth(choice.year, choice.month)) };
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/** A Chinese message naming the field at fault, or null when the period can be computed. */
export function checkPeriod(p: { readonly from: string; readonly to: string }): { field: 'from' | 'to'; message: string } | null {
  if (!isIsoDate(p.from)) return { field: 'from', message: '开始日期不是有效日期，请按 2020-01-01 的格式填写。' };
  if (!isIsoDate(p.to)) return { field: 'to', message: '结束日期不是有效日期，请按 2020-12-31 的格式填写。' };
  if (p.from > p.to) return { field: 'to', message: `结束日期 ${p.to} 早于开始日期 ${p.from}，请改正。` };
  return null;
}

const QUARTER_ZH = ['一', '二', '三', '四'] as const;

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** 2020年 / 2020年第三季度 / 2020年7月 / 2020年1—6月 / 2020年3月5日至2021年2月1日. */
export function periodLabelZh(p: FigurePeriod): string {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  const wholeMonths = fd === 1 && td === daysInMonth(ty, tm);
  if (fy === ty && wholeMonths) {
    if (fm === 1 && tm === 12) return `${fy}年`;
    if (fm === tm) return `${fy}年${fm}月`;
    if ((fm - 1) % 3 === 0 && tm === fm + 2) return `${fy}年第${QUARTER_ZH[(fm - 1) / 3]}季度`;
    return `${fy}年${fm}—${tm}月`;
  }
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}

/** First day of each month the period touches, for the by-month charts. */
export function monthsOf(p: FigurePeriod): string[] {
  const out: string[] = [];
  let [y, m] = parts(p.from);
  const [ty, tm] = parts(p.to);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(formatIsoDate(y, m, 1));
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The choice a period was made from, so a period read back from an address shows as it was picked. */
export function choiceOf(p: FigurePeriod): PeriodChoice {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  if (fy === ty && fd === 1 && td === daysInMonth(ty, tm)) {
    if (fm === 1 && tm === 12) return { kind: 'year', year: fy };
    if (fm === tm) return { kind: 'month', year: fy, month: fm };
    if ((fm - 1) % 3 === 0 && tm === fm + 2) return { kind: 'quarter', year: fy, quarter: ((fm - 1) / 3 + 1) as 1 | 2 | 3 | 4 };
  }
  return { kind: 'custom', from: p.from, to: p.to };
}
