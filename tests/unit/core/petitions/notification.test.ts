import { describe, expect, it } from 'vitest';
import type { RunningClock } from '../../../../renderer/src/core/petitions/deadlines';
import { EMPTY_OVERDUE_NOTICE_RECORD, planOverdueNotice } from '../../../../renderer/src/core/petitions/notification';

function clock(petitionId: string, state: RunningClock['state'], c: RunningClock['clock'] = 'accept'): RunningClock {
  return { petitionId, handler: '李调解', clock: c, dueOn: '2026-03-17', daysLeft: state === 'overdue' ? -2 : 1, state };
}
const label = (id: string) => `信访件${id}`;

describe('planOverdueNotice', () => {
  it('names newly overdue items once, and only once a day', () => {
    const alerts = [clock('a', 'overdue'), clock('b', 'due-soon')];
    const first = planOverdueNotice(alerts, EMPTY_OVERDUE_NOTICE_RECORD, '2026-03-19', label);
    expect(first.notice).toEqual({ title: '信访件超期提醒：新增 1 件超期', body: '信访件a（受理期限 2026-03-17）。请尽快办理。' });
    expect(first.next).toEqual({ checkedOn: '2026-03-19', announced: ['a:accept'] });
    // Same day again: nothing, not even a save.
    const again = planOverdueNotice([...alerts, clock('c', 'overdue')], first.next ?? EMPTY_OVERDUE_NOTICE_RECORD, '2026-03-19', label);
    expect(again).toEqual({ notice: null, next: null });
    // Next day: only c is new.
    const next = planOverdueNotice([...alerts, clock('c', 'overdue')], first.next ?? EMPTY_OVERDUE_NOTICE_RECORD, '2026-03-20', label);
    expect(next.notice?.body).toBe('信访件c（受理期限 2026-03-17）。请尽快办理。');
    expect(next.next?.announced).toEqual(['a:accept', 'c:accept']);
  });

  it('writes nothing on a day with nothing overdue and nothing cleared (no audit noise)', () => {
    expect(planOverdueNotice([clock('b', 'due-soon')], EMPTY_OVERDUE_NOTICE_RECORD, '2026-03-19', label)).toEqual({ notice: null, next: null });
    expect(planOverdueNotice([clock('a', 'overdue')], { checkedOn: '2026-03-18', announced: ['a:accept'] }, '2026-03-19', label)).toEqual({
      notice: null,
      next: null,
    });
  });

  it('records the check when an item is no longer overdue, and shortens long lists', () => {
    const none = planOverdueNotice([clock('b', 'due-soon')], { checkedOn: '2026-03-18', announced: ['a:accept'] }, '2026-03-19', label);
    expect(none).toEqual({ notice: null, next: { checkedOn: '2026-03-19', announced: [] } });
    const many = ['1', '2', '3', '4', '5', '6', '7'].map((id) => clock(id, 'overdue', 'resolve'));
    const plan = planOverdueNotice(many, EMPTY_OVERDUE_NOTICE_RECORD, '2026-03-19', label);
    expect(plan.notice?.title).toBe('信访件超期提醒：新增 7 件超期');
    expect(plan.notice?.body).toMatch(/^信访件1（办结期限 2026-03-17）；.*信访件5（办结期限 2026-03-17）等 7 件。请尽快办理。$/);
  });
});
