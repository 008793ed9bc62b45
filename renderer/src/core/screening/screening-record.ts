// One firm's screening record in a round: date, inspectors, method, findings, classification,
// risk level, the commitment letter and the next action.
import { compareDates } from '../calendar/iso-date';
import { tooLong } from '../common/text-limits';
import { readDateField } from './round';
import {
  type Checked,
  CLASSIFICATIONS,
  type Classification,
  type FieldError,
  RISK_LEVELS,
  type RiskLevel,
  SCREENING_METHODS,
  type ScreeningMethod,
  type ScreeningRecord,
  type ScreeningRound,
} from './types';

export interface ScreeningRecordInput {
  readonly date: string;
  /** 排查人员, separated by 、，, or spaces as typed. */
  readonly inspectors: string;
  readonly method: string;
  readonly findings: string;
  readonly classification: string;
  readonly riskLevel: string;
  readonly commitmentSigned: boolean;
  readonly nextAction: string;
}

export type ScreeningRecordValue = Pick<
  ScreeningRecord,
  'date' | 'inspectors' | 'method' | 'findings' | 'classification' | 'riskLevel' | 'commitmentSigned' | 'nextAction'
>;

export const EMPTY_RECORD_INPUT: ScreeningRecordInput = {
  date: '',
  inspectors: '',
  method: '现场',
  findings: '',
  classification: '',
  riskLevel: '',
  commitmentSigned: false,
  nextAction: '',
};

function oneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/** `round` bounds nothing hard (late records happen) but a date after today is refused. */
export function validateScreeningRecord(input: ScreeningRecordInput, round: ScreeningRound, today: string): Checked<ScreeningRecordValue> {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const date = readDateField(input.date, '排查日期', 'date', errors);
  if (date && compareDates(date, today) > 0) errors.push({ field: 'date', message: `排查日期 ${date} 晚于今天，请核对。` });
  if (date && (compareDates(date, round.periodStart) < 0 || compareDates(date, round.periodEnd) > 0)) {
    warnings.push({ field: 'date', message: `排查日期 ${date} 不在本轮期间（${round.periodStart} 至 ${round.periodEnd}）内，请确认没有记错轮次。` });
  }
  const inspectors = splitNames(input.inspectors);
  if (inspectors.length === 0) errors.push({ field: 'inspectors', message: '排查人员：至少填写一人，多人用顿号分隔。' });
  if (inspectors.some((n) => n.length > 50)) errors.push({ field: 'inspectors', message: '排查人员：每个姓名不能超过 50 字，多人请用顿号分隔。' });
  if (!oneOf(SCREENING_METHODS, input.method)) errors.push({ field: 'method', message: '排查方式：请选择现场、非现场或双随机。' });
  if (!oneOf(CLASSIFICATIONS, input.classification)) errors.push({ field: 'classification', message: `分类：请选择${CLASSIFICATIONS.join('、')}之一。` });
  if (!oneOf(RISK_LEVELS, input.riskLevel)) errors.push({ field: 'riskLevel', message: '风险等级：请选择高、中或低。' });
  for (const [field, label, max] of [
    ['findings', '排查情况', 5000],
    ['nextAction', '下一步措施', 1000],
  ] as const) {
    const long = tooLong(label, input[field].trim(), max);
    if (long) errors.push({ field, message: long });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    warnings,
    value: {
      date,
      inspectors,
      method: input.method as ScreeningMethod,
      findings: input.findings.trim(),
      classification: input.classification as Classification,
      riskLevel: input.riskLevel as RiskLevel,
      commitmentSigned: input.commitmentSigned,
      nextAction: input.nextAction.trim(),
    },
  };
}

/** The latest record of each firm (by date, then when recorded): its current classification and risk. */
export function latestRecordByFirm(records: readonly ScreeningRecord[]): Map<string, ScreeningRecord> {
  const out = new Map<string, ScreeningRecord>();
  for (const r of records) {
    const prev = out.get(r.firmId);
    if (!prev || compareDates(r.date, prev.date) > 0 || (r.date === prev.date && r.recordedAt > prev.recordedAt)) out.set(r.firmId, r);
  }
  return out;
}
