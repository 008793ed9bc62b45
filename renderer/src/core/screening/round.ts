// Screening rounds (月度排查, 专项排查) and their progress: screened / in scope, by district and by
// department, with the firms not yet screened (the report's "100% 比例排查").
import { compareDates, parseIsoDate } from '../calendar/iso-date';
import { tooLong } from '../common/text-limits';
import { readTypedDate } from '../common/typed-date';
import { type Checked, type FieldError, type Firm, ROUND_KINDS, type RoundKind, type RoundScope, type ScreeningRecord, type ScreeningRound } from './types';

export interface RoundInput {
  readonly name: string;
  readonly kind: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly districts: readonly string[];
  readonly sectors: readonly string[];
}

export type RoundValue = Omit<ScreeningRound, 'id' | 'createdAt'>;

/** A typed date, read as staff write it; the message names the field. */
export function readDateField(text: string, label: string, field: string, errors: FieldError[], required = true): string {
  const t = text.trim();
  if (t === '') {
    if (required) errors.push({ field, message: `${label}：必须填写，格式如 2026-03-05。` });
    return '';
  }
  const parsed = parseIsoDate(readTypedDate(t) ?? t, label);
  if (!parsed.ok) {
    errors.push({ field, message: parsed.error });
    return '';
  }
  return parsed.value;
}

export function validateRound(input: RoundInput): Checked<RoundValue> {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', message: '轮次名称：必须填写，如“2026年11月月度排查”。' });
  const long = tooLong('轮次名称', name, 100);
  if (long) errors.push({ field: 'name', message: long });
  if (!(ROUND_KINDS as readonly string[]).includes(input.kind)) errors.push({ field: 'kind', message: '排查类型：请选择“月度排查”或“专项排查”。' });
  const periodStart = readDateField(input.periodStart, '开始日期', 'periodStart', errors);
  const periodEnd = readDateField(input.periodEnd, '结束日期', 'periodEnd', errors);
  if (periodStart && periodEnd && compareDates(periodStart, periodEnd) > 0) {
    errors.push({ field: 'periodEnd', message: `结束日期 ${periodEnd} 早于开始日期 ${periodStart}，请核对排查期间。` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const clean = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  return {
    ok: true,
    warnings: [],
    value: { name, kind: input.kind as RoundKind, periodStart, periodEnd, scope: { districts: clean(input.districts), sectors: clean(input.sectors) } },
  };
}

/** Whether a firm is in a round's scope (an empty list means every district or sector). */
export function inScope(firm: Pick<Firm, 'district' | 'sector'>, scope: RoundScope): boolean {
  return (scope.districts.length === 0 || scope.districts.includes(firm.district)) && (scope.sectors.length === 0 || scope.sectors.includes(firm.sector));
}

export interface ProgressLine {
  readonly key: string;
  readonly inScope: number;
  readonly screened: number;
}

export interface RoundProgress {
  readonly inScope: number;
  readonly screened: number;
  /** Screened / in scope in tenths of a percent (1000 = 100%); null for an empty scope. */
  readonly permille: number | null;
  readonly byDistrict: readonly ProgressLine[];
  readonly byDepartment: readonly ProgressLine[];
  readonly notScreened: readonly Firm[];
}

const UNSET = '（未填）';

function tally(map: Map<string, { inScope: number; screened: number }>, key: string, screened: boolean): void {
  const line = map.get(key) ?? { inScope: 0, screened: 0 };
  line.inScope++;
  if (screened) line.screened++;
  map.set(key, line);
}

function lines(map: Map<string, { inScope: number; screened: number }>): ProgressLine[] {
  return [...map].map(([key, v]) => ({ key, ...v })).sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

/** Progress of a round over the ledger: a firm counts as screened with at least one record in the round. */
export function roundProgress(round: ScreeningRound, firms: readonly Firm[], records: readonly ScreeningRecord[]): RoundProgress {
  const screenedIds = new Set(records.filter((r) => r.roundId === round.id).map((r) => r.firmId));
  const byDistrict = new Map<string, { inScope: number; screened: number }>();
  const byDepartment = new Map<string, { inScope: number; screened: number }>();
  const notScreened: Firm[] = [];
  let total = 0;
  let screened = 0;
  for (const f of firms) {
    if (!inScope(f, round.scope)) continue;
    total++;
    const done = screenedIds.has(f.id);
    if (done) screened++;
    else notScreened.push(f);
    tally(byDistrict, f.district || UNSET, done);
    tally(byDepartment, f.department || UNSET, done);
  }
  return {
    inScope: total,
    screened,
    permille: total === 0 ? null : Math.round((screened * 1000) / total),
    byDistrict: lines(byDistrict),
    byDepartment: lines(byDepartment),
    notScreened,
  };
}

/** 93.4% from tenths of a percent. */
export function formatPermille(permille: number | null): string {
  return permille === null ? '—' : `${(permille / 10).toFixed(1)}%`;
}
