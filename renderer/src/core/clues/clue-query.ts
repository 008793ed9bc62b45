// The clue list's query (线索台账): channel, level, status, year, and text over the number, subject,
// credit code, link and allegation. Never over the reporter, who is stored apart. clue-index.ts runs it.
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
