// The case page's 涉及人数 counted as the 统计 figures count it (core casePeople): the register's
// distinct 集资参与人 once there is one, the typed estimate (填报) until then, and which it is.
import { casePeople } from '../../../core/cases/dashboard-figures';
import { groupedCount as persons } from '../../../core/figures/format';

export function casePeopleText(typed: number | null, registeredPersons: number | null): string {
  const p = casePeople({ peopleInvolved: typed, registeredPersons });
  if (p.source === 'register') {
    const alsoTyped = typed !== null && typed !== p.count ? `；案件填报 ${persons(typed)} 人` : '';
    return `${persons(p.count)} 人（名单）${alsoTyped}`;
  }
  if (p.source === 'typed') return `${persons(p.count)} 人（填报）`;
  return '—';
}
