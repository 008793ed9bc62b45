// 陈案积案 and 存量案件: both are facts about the filing date relative to a date the office chooses,
// never flags typed by hand, so the dashboard and the case list always agree.

/** A case filed on or before the cutoff (default 2017-12-31) is an old backlog case (陈案积案). */
export function isBacklogCase(filedDate: string | null, backlogCutoff: string): boolean {
  return filedDate !== null && filedDate <= backlogCutoff;
}

/** A case filed before the reporting year is a stock case (存量案件) for that year. */
export function isStockCase(filedDate: string | null, reportingYear: number): boolean {
  return filedDate !== null && Number(filedDate.slice(0, 4)) < reportingYear;
}

export function filedYear(filedDate: string | null): number | null {
  return filedDate === null ? null : Number(filedDate.slice(0, 4));
}
