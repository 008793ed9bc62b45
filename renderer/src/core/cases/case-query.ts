import { isBacklogCase } from './backlog';
import type { CaseFile, CaseSector, CaseStage } from './case-file';

export interface CaseFilter {
  readonly stage: CaseStage | '';
  readonly district: string;
  readonly sector: CaseSector | '';
  /** Year filed, e.g. 2020; null for any. */
  readonly filedYear: number | null;
  readonly backlogOnly: boolean;
  /**
   * Matches case number, title, a party's name, or (6 characters or more of digits and letters) a
   * party's 统一社会信用代码 or ID number, in whole or in part.
   */
  readonly text: string;
}

export const EMPTY_CASE_FILTER: CaseFilter = {
  stage: '',
  district: '',
  sector: '',
  filedYear: null,
  backlogOnly: false,
  text: '',
};

export interface CaseListItem {
  readonly caseFile: CaseFile;
  readonly partyNames: readonly string[];
  readonly backlog: boolean;
}

/** Newest filing first; cases without a filing date (still 线索核查) after them, by case number. */
export function queryCases(
  items: readonly { caseFile: CaseFile; partyNames: readonly string[]; partyIds?: readonly string[] }[],
  filter: CaseFilter,
  backlogCutoff: string,
): CaseListItem[] {
  const needle = filter.text.trim().toLowerCase();
  // IDs are stored upper-case without spaces; a short number would match too much to mean anything.
  const idNeedle = filter.text.replace(/\s+/g, '').toUpperCase();
  const searchIds = /^[0-9A-Z]{6,}$/.test(idNeedle);
  return items
    .map((i) => ({ ...i, backlog: isBacklogCase(i.caseFile.filedDate, backlogCutoff) }))
    .filter(({ caseFile: c, partyNames, partyIds, backlog }) => {
      if (filter.stage && c.stage !== filter.stage) return false;
      if (filter.district && c.district !== filter.district) return false;
      if (filter.sector && c.sector !== filter.sector) return false;
      if (filter.filedYear !== null && (c.filedDate === null || Number(c.filedDate.slice(0, 4)) !== filter.filedYear)) {
        return false;
      }
      if (filter.backlogOnly && !backlog) return false;
      if (!needle) return true;
      return (
        c.caseNumber.toLowerCase().includes(needle) ||
        c.title.toLowerCase().includes(needle) ||
        partyNames.some((n) => n.toLowerCase().includes(needle)) ||
        (searchIds && (partyIds ?? []).some((id) => id.includes(idNeedle)))
      );
    })
    .sort((a, b) => {
      const fa = a.caseFile.filedDate ?? '';
      const fb = b.caseFile.filedDate ?? '';
      if (fa !== fb) return fa < fb ? 1 : -1;
      return a.caseFile.caseNumber.localeCompare(b.caseFile.caseNumber, 'zh-CN');
    });
}

/** The years for the filter's dropdown: only years some case was filed in. */
export function filedYears(cases: readonly CaseFile[]): number[] {
  const years = new Set<number>();
  for (const c of cases) if (c.filedDate) years.add(Number(c.filedDate.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}
