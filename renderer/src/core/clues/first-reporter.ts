// 首报认定: the first reporter of a matter is recognised; a later report of the same subject is linked
// to the earliest one (and earns no reward) instead of counting as a new matter.
import { sameSubject } from './subject';
import type { Clue, ClueSubject } from './types';

/** The earliest clue (by receipt date, then number) about the same subject, or null. */
export function findFirstClue(subject: ClueSubject, receivedOn: string, existing: readonly Pick<Clue, 'id' | 'subject' | 'receivedOn' | 'clueNo' | 'firstClueId'>[]): string | null {
  let best: Pick<Clue, 'id' | 'receivedOn' | 'clueNo'> | null = null;
  for (const c of existing) {
    if (c.firstClueId !== null || !sameSubject(c.subject, subject)) continue;
    if (c.receivedOn > receivedOn) continue;
    if (!best || c.receivedOn < best.receivedOn || (c.receivedOn === best.receivedOn && c.clueNo < best.clueNo)) best = c;
  }
  return best?.id ?? null;
}
