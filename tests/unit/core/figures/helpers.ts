// Builders for figure fixtures: cases with a dated stage history, the records input, and look-ups.
import type { CaseStage } from '../../../../renderer/src/core/cases/case-file';
import { computeFigures, type FigureRow } from '../../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import type { FigureCase, FigureFirm, FigurePetition, FigureRecords, FigureRefunds } from '../../../../renderer/src/core/figures/records';
import type { FigurePeriod } from '../../../../renderer/src/core/figures/types';
import { DEFAULT_PETITION_SETTINGS_SECTION } from '../../../../renderer/src/core/petitions/settings-section';

export interface CaseSpec {
  readonly district: string;
  readonly filed: string | null;
  readonly stages?: readonly (readonly [CaseStage, string])[];
  readonly amountFen?: number | null;
  readonly people?: number | null;
  readonly lossesFen?: number | null;
}

export function caseOf(id: string, s: CaseSpec): FigureCase {
  const stages = s.stages ?? (s.filed ? [['立案', s.filed] as const] : []);
  return {
    id,
    caseNumber: `威公经立〔2020〕${id}号`,
    title: `${id}涉嫌非法吸收公众存款案`,
    district: s.district,
    filedDate: s.filed,
    stage: stages.at(-1)?.[0] ?? '线索核查',
    stageHistory: stages.map(([stage, date]) => ({ stage, date })),
    amountInvolvedFen: s.amountFen === undefined ? 0 : s.amountFen,
    peopleInvolved: s.people === undefined ? 0 : s.people,
    lossesRecoveredFen: s.lossesFen === undefined ? null : s.lossesFen,
  };
}

export function recordsOf(parts: {
  readonly districts: readonly string[];
  readonly cases?: readonly FigureCase[];
  readonly petitions?: readonly FigurePetition[];
  readonly refunds?: readonly FigureRefunds[];
  readonly monitoring?: FigureRecords['monitoring'];
  readonly firms?: readonly FigureFirm[];
  readonly campaignStart?: string;
  readonly backlogCutoff?: string;
}): FigureRecords {
  return {
    districts: parts.districts,
    rules: {
      backlogCutoff: parts.backlogCutoff ?? '2017-12-31',
      campaignStart: parts.campaignStart ?? '',
      petitions: DEFAULT_PETITION_SETTINGS_SECTION,
    },
    cases: parts.cases ?? [],
    petitions: parts.petitions ?? [],
    refunds: parts.refunds ?? [],
    monitoring: parts.monitoring ?? [],
    firms: parts.firms ?? [],
  };
}

export const YEAR_2020: FigurePeriod = { from: '2020-01-01', to: '2020-12-31' };

export function figuresFor(records: FigureRecords, period: FigurePeriod, asOf = '2030-01-01'): Map<string, FigureRow> {
  return new Map(computeFigures(OFFICE_FIGURES.figures, records, period, asOf).map((r) => [r.figure.id, r]));
}

export function row(rows: Map<string, FigureRow>, id: string): FigureRow {
  const r = rows.get(id);
  if (!r) throw new Error(`no figure ${id}`);
  return r;
}

/** [current, previous, change tenths] of a figure: the three numbers a user reads on its line. */
export function triple(rows: Map<string, FigureRow>, id: string): [number | null, number | null, number | null] {
  const r = row(rows, id);
  return [r.current.value, r.previous.value, r.change.tenths];
}

export function ids(rows: Map<string, FigureRow>, id: string): string[] {
  return row(rows, id).current.records.map((x) => x.id);
}
