// The clue list's search index (线索台账, 50,000 clues): built once when the list loads, so a
// keystroke never rebuilds a clue's text or looks anything up by id. Each clue's searchable text
// (number, subject, credit code, link, allegation; never the reporter) is kept lower case in an
// array beside small integer codes for channel, level, status and year in typed arrays; the cheap
// code tests run first. Typing on (the new text contains the last one, the filters unchanged) only
// looks again at the clues the last query matched.
import { type ClueListItem, type ClueQuery, clueSearchText } from './clue-query';
import { CLUE_CHANNELS, CLUE_STATUSES, WARNING_LEVELS } from './types';

interface LastQuery {
  readonly key: string;
  readonly needle: string;
  readonly positions: Int32Array;
}

export interface ClueIndex<T extends ClueListItem> {
  readonly items: readonly T[];
  readonly texts: readonly string[];
  readonly channel: Uint8Array;
  readonly level: Uint8Array;
  readonly status: Uint8Array;
  readonly year: Uint16Array;
  /** The previous query's matches (a memo: the same query gives the same answer without it). */
  last: LastQuery | null;
}

export function buildClueIndex<T extends ClueListItem>(items: readonly T[]): ClueIndex<T> {
  const n = items.length;
  const texts: string[] = new Array(n);
  const channel = new Uint8Array(n);
  const level = new Uint8Array(n);
  const status = new Uint8Array(n);
  const year = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = items[i] as T;
    texts[i] = clueSearchText(c);
    channel[i] = CLUE_CHANNELS.indexOf(c.channel);
    level[i] = WARNING_LEVELS.indexOf(c.level);
    status[i] = CLUE_STATUSES.indexOf(c.status);
    year[i] = Number(c.receivedOn.slice(0, 4)) || 0;
  }
  return { items, texts, channel, level, status, year, last: null };
}

/** The clues matching the query, in the index's order. */
export function queryClueIndex<T extends ClueListItem>(index: ClueIndex<T>, q: ClueQuery): T[] {
  const needle = q.text.trim().toLowerCase();
  const wantChannel = q.channel === null ? -1 : CLUE_CHANNELS.indexOf(q.channel);
  const wantLevel = q.level === null ? -1 : WARNING_LEVELS.indexOf(q.level);
  const closed = CLUE_STATUSES.indexOf('已办结');
  const wantStatus = q.status === null || q.status === 'open' ? -1 : CLUE_STATUSES.indexOf(q.status);
  const openOnly = q.status === 'open';
  const wantYear = q.year ?? -1;
  const { channel, level, status, year, texts, items } = index;
  const key = `${wantChannel}|${wantLevel}|${wantStatus}|${openOnly}|${wantYear}`;
  const last = index.last;
  const narrowing = last !== null && last.key === key && needle.includes(last.needle);
  const candidates = narrowing ? last.positions : null;
  const count = candidates ? candidates.length : items.length;
  const positions = new Int32Array(count);
  let found = 0;
  for (let k = 0; k < count; k++) {
    const i = candidates ? (candidates[k] as number) : k;
    if (wantChannel >= 0 && channel[i] !== wantChannel) continue;
    if (wantLevel >= 0 && level[i] !== wantLevel) continue;
    if (wantStatus >= 0 && status[i] !== wantStatus) continue;
    if (openOnly && status[i] === closed) continue;
    if (wantYear >= 0 && year[i] !== wantYear) continue;
    if (needle !== '' && !(texts[i] as string).includes(needle)) continue;
    positions[found++] = i;
  }
  const matched = positions.subarray(0, found);
  index.last = { key, needle, positions: matched };
  const out: T[] = new Array(found);
  for (let k = 0; k < found; k++) out[k] = items[matched[k] as number] as T;
  return out;
}
