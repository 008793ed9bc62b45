// Filtering and searching the clue list (线索台账): channel, level, status, overdue, and text over
// the number, subject, credit code and allegation. Never over the reporter, who is stored apart.
import type { Clue, ClueChannel, ClueStatus, WarningLevel } from './types';

export interface ClueQuery {
  readonly channel: ClueChannel | null;
  readonly level: WarningLevel | null;
  readonly status: ClueStatus | 'open' | null;
  readonly text: string;
  /** Only clues received in this year. */
  readonly year: number | null;
}

export const EMPTY_CLUE_QUERY: ClueQuery = { channel: null, level: null, status: null, text: '', year: null };

export type ClueListItem = Pick<Clue, 'id' | 'clueNo' | 'receivedOn' | 'channel' | 'level' | 'status' | 'subject' | 'allegation'>;

/** The text a clue is searched by, built once per clue (lower case). */
export function clueSearchText(c: ClueListItem): string {
  return `${c.clueNo}\u0001${c.subject.name}\u0001${c.subject.creditCode ?? ''}\u0001${c.subject.link ?? ''}\u0001${c.allegation}`.toLowerCase();
}

export function filterClues<T extends ClueListItem>(clues: readonly T[], q: ClueQuery, searchText: (c: T) => string = clueSearchText): T[] {
  const needle = q.text.trim().toLowerCase();
  const yearPrefix = q.year === null ? null : `${q.year}-`;
  const out: T[] = [];
  for (const c of clues) {
    if (q.channel !== null && c.channel !== q.channel) continue;
    if (q.level !== null && c.level !== q.level) continue;
    if (q.status === 'open' ? c.status === '已办结' : q.status !== null && c.status !== q.status) continue;
    if (yearPrefix !== null && !c.receivedOn.startsWith(yearPrefix)) continue;
    if (needle !== '' && !searchText(c).includes(needle)) continue;
    out.push(c);
  }
  return out;
}
