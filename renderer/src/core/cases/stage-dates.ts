// Where a case stood on a given day, from its dated stage history. The statistics read stages this
// way (never the current stage), so a figure for 2020 does not change when a case moves on in 2021.
import { CASE_STAGES, type CaseStage } from './case-file';

export interface DatedStage {
  readonly stage: CaseStage;
  readonly date: string;
}

const RANK = new Map<CaseStage, number>(CASE_STAGES.map((s, i) => [s, i]));

export function stageRank(stage: CaseStage): number {
  return RANK.get(stage) ?? -1;
}

/**
 * The stage the case was in at the end of `date` (the latest entry dated on or before it; of
 * entries on the same day the one recorded last). With `before`, at the start of the day instead.
 * null when no stage had been recorded by then.
 */
export function stageAsOf(history: readonly DatedStage[], date: string, before = false): CaseStage | null {
  let found: DatedStage | null = null;
  for (const entry of history) {
    const counts = before ? entry.date < date : entry.date <= date;
    if (counts && (found === null || entry.date >= found.date)) found = entry;
  }
  return found?.stage ?? null;
}

/** The first date the case reached `stage` or any later one; null when it never has. */
export function firstReached(history: readonly DatedStage[], stage: CaseStage): string | null {
  const rank = stageRank(stage);
  let first: string | null = null;
  for (const entry of history) {
    if (stageRank(entry.stage) >= rank && (first === null || entry.date < first)) first = entry.date;
  }
  return first;
}

export function atOrBeyond(stage: CaseStage | null, threshold: CaseStage): boolean {
  return stage !== null && stageRank(stage) >= stageRank(threshold);
}
