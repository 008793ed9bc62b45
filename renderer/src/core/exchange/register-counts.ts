// A case's register counts as a package carries them (issue 17): the city's 统计 counts 涉及人数 the
// way the district does (core casePeople: the register's 集资参与人 where the case has a register,
// else the typed figure marked 填报), so every case record says how many people its register holds,
// whether or not the register itself is sent. Counts only, never a name or number: they go out
// even when personal data is masked and no register is chosen. They are in the signed body, so the
// body's hash (named in the signed header) covers them.
//
// `registerCounts` on a case record's data:
//   { persons: n }   the case has a register of n 集资参与人 at its office (the register merges a
//                    person's contracts by ID number, so its creditors are its distinct people);
//   null             the case has no register there;
//   absent           a package made before the counts were added: unknown, the typed figure stands
//                    and the case's record says so (FigureCase.registerNotReported).
import type { FigureCase } from '../figures/records';

export interface CaseRegisterCounts {
  /** Distinct 集资参与人 in the case's register (one creditor per ID number). */
  readonly persons: number;
}

/** The counts a case record carries, from its office's register summary row (null: no register). */
export function caseRegisterCounts(registerCount: number | undefined): CaseRegisterCounts | null {
  return registerCount === undefined ? null : { persons: registerCount };
}

/** Null when a case record's `registerCounts` is absent, null or well formed; else what is wrong. */
export function registerCountsProblem(data: Readonly<Record<string, unknown>>): string | null {
  if (!('registerCounts' in data)) return null;
  const v = data.registerCounts;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) return 'registerCounts';
  const persons = (v as { persons?: unknown }).persons;
  return typeof persons === 'number' && Number.isSafeInteger(persons) && persons >= 0 ? null : 'registerCounts.persons';
}

/** What a received case record says about its register, in the figures' terms. */
export function receivedRegisterPeople(data: Readonly<Record<string, unknown>>): Pick<FigureCase, 'registeredPersons' | 'registerNotReported'> {
  if (!('registerCounts' in data) || registerCountsProblem(data) !== null) return { registeredPersons: null, registerNotReported: true };
  const counts = data.registerCounts as CaseRegisterCounts | null;
  return { registeredPersons: counts === null ? null : counts.persons, registerNotReported: false };
}
