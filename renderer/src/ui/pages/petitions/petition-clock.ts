// The deadlines of a petition for display; never throws, so one odd record cannot blank a screen.
import { computePetitionDeadlines, type PetitionDeadlines, type RunningClock, runningClock } from '../../../core/petitions/deadlines';
import type { Petition } from '../../../core/petitions/types';
import type { PetitionData } from './use-petition-data';

export interface PetitionClockView {
  readonly deadlines: PetitionDeadlines | null;
  readonly clock: RunningClock | null;
  /** Why the deadlines could not be computed, in Chinese. */
  readonly problem: string | null;
}

export function petitionClock(p: Petition, data: Pick<PetitionData, 'section' | 'calendar' | 'today'>): PetitionClockView {
  try {
    return {
      deadlines: computePetitionDeadlines(p, data.section.deadlines, data.calendar),
      clock: runningClock(p, data.section.deadlines, data.calendar, data.today),
      problem: null,
    };
  } catch (e) {
    return { deadlines: null, clock: null, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** How a petition is named to people: its number and first petitioner (the date when it has no number). */
export function petitionLabel(p: Petition): string {
  const first = p.petitioners[0]?.name ?? '';
  const more = p.petitioners.length > 1 || p.personCount > 1 ? `等${p.personCount}人` : '';
  return p.registerNo ? `${p.registerNo} ${first}${more}` : `${first}${more}（${p.receivedOn}）`;
}
