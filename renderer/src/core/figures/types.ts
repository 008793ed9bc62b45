// The shape every figure of the 统计 dashboard takes, whichever area contributes it: an id, a label,
// a unit, its definition (口径) in plain Chinese, and a pure function over a plain records input and
// a period that returns the value together with the records it counted. The dashboard, the xlsx
// export, the work report and the CLI all read figures through this shape only.
import type { IsoDate } from '../calendar/iso-date';
import type { FigureRecords } from './records';

/** A closed date range, both ends included (YYYY-MM-DD). */
export interface FigurePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * How a value is written: counts of cases (起), persons (人), batches (批), person-times (人次),
 * districts (个), clues and adverts (条), advertisers (个), risk notices (期), days (天); money as integer fen; rates as tenths of a percent.
 */
export type FigureUnit =
  | 'cases'
  | 'persons'
  | 'batches'
  | 'personTimes'
  | 'districts'
  | 'fen'
  | 'rate'
  | 'items'
  | 'entities'
  | 'issues'
  | 'days'
  | 'firms'
  | 'firmVisits'
  | 'measures';

/**
 * A record a figure counted, so a user can open it: kind names the page it opens on
 * ('case' → the case, 'petition' → the petition, 'batch' → the repayment batch, 'district' → the
 * dashboard filtered to it). Areas may add kinds; the dashboard maps each kind to a link.
 */
export interface FigureRecordRef {
  readonly kind: string;
  readonly id: string;
  /** The case a batch belongs to (its page is under the case). */
  readonly caseId?: string;
  /** Why or how it counts, in Chinese (e.g. “2020-05-12 移送审查起诉”, “清退率 45.00%”). */
  readonly detail?: string;
}

export interface FigureResult {
  /**
   * Counts and fen as integers; rates in tenths of a percent (811 = 81.1%), rounded half away from
   * zero. null when the figure cannot be computed for this period (`unavailable` says why).
   */
  readonly value: number | null;
  /** Rates: what was divided by what (e.g. 17 of 21 backlog cases closed). */
  readonly ratio?: { readonly numerator: number; readonly denominator: number };
  /** Why the value is null, in Chinese with what to do (e.g. “请在设置中填写专项行动开始日期”). */
  readonly unavailable?: string;
  /** Where the value comes from when its sources differ, shown under it (e.g. “名单 1,203 人；填报 1,600 人”). */
  readonly note?: string;
  /**
   * The records counted, built on first read (a ten-year office has tens of thousands per figure,
   * and the dashboard's first screen needs only their number).
   */
  readonly records: readonly FigureRecordRef[];
  /** records.length, known without building them. */
  readonly recordCount: number;
}

/** What a figure's compute function gets besides the records. */
export interface FigureScope {
  readonly period: FigurePeriod;
  /** Today: petitions still open count as late only once their deadline is before this day. */
  readonly asOf: IsoDate;
  /**
   * One value per (records, period) shared by the figures that need it, e.g. the petition tallies
   * several petition figures read: `scope.shared('petitions', () => tally(...))`.
   */
  shared<T>(key: string, make: () => T): T;
}

export interface FigureDefinition {
  /** Stable id for the CLI, the xlsx export and the README, e.g. 'cases.new.count'. */
  readonly id: string;
  /** The contributing area's id (see FigureArea). */
  readonly area: string;
  /** As the report names it, e.g. 新立案件数. */
  readonly label: string;
  readonly unit: FigureUnit;
  /** 口径: what is counted, from which date, what is left out; shown on hover and exported. */
  readonly definition: string;
  /** The kind of record `records` lists (see FigureRecordRef.kind). */
  readonly recordKind: string;
  compute(records: FigureRecords, scope: FigureScope): FigureResult;
}

/** An area's contribution to the dashboard: its figures, in the order they are shown. */
export interface FigureArea {
  readonly id: string;
  /** Group heading on the dashboard, e.g. 案件查处. */
  readonly label: string;
  readonly figures: readonly FigureDefinition[];
}
