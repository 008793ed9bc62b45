// The period's petition ledger (信访台账) as plain rows; the xlsx writer only lays them out.
import type { WorkingCalendar } from '../calendar/holiday-table';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import type { PetitionDeadlineSettings } from './deadline-settings';
import { computePetitionDeadlines } from './deadlines';
import { type DatePeriod, inPeriod } from './figures';
import { PETITION_FORM_LABELS, type Petition } from './types';

export const PETITION_LEDGER_HEADERS = [
  '序号',
  '登记编号',
  '收到日期',
  '信访渠道',
  '信访层级',
  '信访形式',
  '人数',
  '信访人',
  '关联案件',
  '诉求',
  '紧急程度',
  '承办人',
  '当前状态',
  '受理期限',
  '受理/不予受理日期',
  '是否按期受理',
  '办理期限',
  '延期至',
  '办结日期',
  '是否按期办结',
  '化解情况',
  '调解次数',
  '转办单位',
  '回访日期',
  '回访满意度',
] as const;

export type LedgerCell = string | number;

export interface PetitionLedger {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly LedgerCell[])[];
}

function onTime(doneOn: IsoDate | undefined, dueOn: IsoDate | undefined, asOf: IsoDate): string {
  if (dueOn === undefined) return '';
  if (doneOn !== undefined) return compareDates(doneOn, dueOn) <= 0 ? '是' : '否（超期）';
  return compareDates(dueOn, asOf) < 0 ? '否（已超期未办）' : '办理中';
}

/**
 * One row per petition received in the period, oldest first. `caseTitles` maps case id to the
 * title shown (a missing title prints the id so nothing is silently blank).
 */
export function buildPetitionLedger(
  petitions: readonly Petition[],
  period: DatePeriod,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
  asOf: IsoDate,
  caseTitles: ReadonlyMap<string, string> = new Map(),
): PetitionLedger {
  const chosen = petitions
    .filter((p) => inPeriod(p.receivedOn, period))
    .sort((a, b) => compareDates(a.receivedOn, b.receivedOn) || a.id.localeCompare(b.id));
  const rows = chosen.map((p, i): LedgerCell[] => {
    const d = computePetitionDeadlines(p, settings, calendar);
    const decidedOn = p.acceptedOn ?? p.rejectedOn;
    const resolveDue = d.extendedResolveBy ?? d.resolveBy;
    const acceptOnTime = p.transfer && decidedOn === undefined ? '已转办' : onTime(decidedOn, d.acceptBy, asOf);
    const resolveOnTime =
      p.transfer && p.closedOn === undefined && resolveDue !== undefined ? '已转办' : onTime(p.closedOn, resolveDue, asOf);
    return [
      i + 1,
      p.registerNo ?? '',
      p.receivedOn,
      p.channel,
      p.level,
      PETITION_FORM_LABELS[p.form],
      p.personCount,
      p.petitioners.map((x) => x.name).join('、'),
      p.caseId === null ? '' : (caseTitles.get(p.caseId) ?? p.caseId),
      p.demands,
      p.urgency,
      p.handler,
      p.status,
      d.acceptBy,
      decidedOn ?? '',
      acceptOnTime,
      d.resolveBy ?? '',
      d.extendedResolveBy ?? '',
      p.closedOn ?? '',
      resolveOnTime,
      p.outcome ?? '',
      p.mediationSessions.length,
      p.transfer?.toUnit ?? '',
      p.followUp?.date ?? '',
      p.followUp?.satisfaction ?? '',
    ];
  });
  return { headers: [...PETITION_LEDGER_HEADERS], rows };
}
