// The 工作情况报告's figures as the template's text fields (templates/work-report.json): each is a
// phrase written the way the source report writes it, so the office edits the prose around correct
// numbers instead of counting. A figure that cannot be computed reads "（无法计算：…）" so the gap is
// seen in the draft, never printed as 0.
import { formatDateZh } from '../calendar/iso-date';
import type { FigureRow } from './compute';
import { periodLabelZh } from './periods';
import type { FigurePeriod } from './types';
import { amountZh, approxCountZh, changesZh, percentZh } from './wording';

export interface WorkReportContext {
  readonly period: FigurePeriod;
  readonly officeName: string;
  readonly backlogCutoff: string;
  readonly issueDate: string;
  /** The district the figures were filtered to, if any (named in the title). */
  readonly district?: string;
}

/** The work report template's id (templates/work-report.json). */
export const WORK_REPORT_TEMPLATE_ID = 'work-report';

type Rows = ReadonlyMap<string, FigureRow>;

function get(rows: Rows, id: string): FigureRow {
  const r = rows.get(id);
  if (!r) throw new Error(`工作情况报告需要的指标 ${id} 不存在`);
  return r;
}

function missing(r: FigureRow): string {
  return `（无法计算：${r.current.unavailable ?? '无数据'}）`;
}

function count(rows: Rows, id: string): string {
  const r = get(rows, id);
  return r.current.value === null ? missing(r) : String(r.current.value);
}

function approx(rows: Rows, id: string, unit: string): string {
  const r = get(rows, id);
  return r.current.value === null ? missing(r) : approxCountZh(r.current.value, unit);
}

function money(rows: Rows, id: string): string {
  const r = get(rows, id);
  return r.current.value === null ? missing(r) : amountZh(r.current.value);
}

function rate(rows: Rows, id: string): string {
  const r = get(rows, id);
  return r.current.value === null ? missing(r) : percentZh(r.current.value);
}

function highLevel(rows: Rows): string {
  const province = get(rows, 'petitions.level.province').current.value ?? 0;
  const beijing = get(rows, 'petitions.level.beijing').current.value ?? 0;
  if (province === 0 && beijing === 0) return '未发生到省进京信访问题';
  const parts = [province > 0 ? `到省信访${province}批` : '', beijing > 0 ? `进京信访${beijing}批` : ''].filter(Boolean);
  return `发生${parts.join('、')}`;
}

function cutoffText(date: string): string {
  return date.endsWith('-12-31') ? `${date.slice(0, 4)}年底` : formatDateZh(date);
}

/** Field values of templates/work-report.json from computed figure rows. */
export function workReportData(figureRows: readonly FigureRow[], ctx: WorkReportContext): Record<string, string> {
  const rows: Rows = new Map(figureRows.map((r) => [r.figure.id, r]));
  const label = periodLabelZh(ctx.period);
  const change = (ids: readonly string[], words?: { down?: string; up?: string }) => changesZh(ids.map((id) => get(rows, id).change), words);
  return {
    title: `${ctx.district ?? ''}${label}打击非法集资工作情况报告`,
    officeName: ctx.officeName,
    issueDate: ctx.issueDate,
    periodLabel: label,
    newCaseCount: count(rows, 'cases.new.count'),
    newCaseAmount: money(rows, 'cases.new.amount'),
    newCasePeople: approx(rows, 'cases.new.people', '人'),
    newCaseChange: change(['cases.new.count', 'cases.new.amount', 'cases.new.people']),
    zeroCaseShare: rate(rows, 'cases.zeroCaseDistricts'),
    backlogCutoff: cutoffText(ctx.backlogCutoff),
    backlogRemaining: count(rows, 'backlog.remaining'),
    backlogReduction: rate(rows, 'backlog.reductionRate'),
    stockConcluded: count(rows, 'stock.investigationConcluded'),
    stockRate: rate(rows, 'stock.investigationConcludedRate'),
    solvedCount: count(rows, 'solved.count'),
    lossesRecovered: money(rows, 'solved.lossesRecovered'),
    solvedChange: change(['solved.count'], { up: '上升', down: '下降' }).replace(/^同比/, ''),
    refundCases: approx(rows, 'refunds.cases', '家'),
    refundAmount: money(rows, 'refunds.amount'),
    refundPersons: approx(rows, 'refunds.persons', '人'),
    fullyRefunded: count(rows, 'refunds.fullyRefunded'),
    petitionBatches: count(rows, 'petitions.all.batches'),
    petitionPersonTimes: count(rows, 'petitions.all.personTimes'),
    petitionChange: change(['petitions.all.batches', 'petitions.all.personTimes'], { down: '下降', up: '上升' }),
    collectiveBatches: count(rows, 'petitions.collective.batches'),
    collectivePersonTimes: count(rows, 'petitions.collective.personTimes'),
    highLevel: highLevel(rows),
  };
}
