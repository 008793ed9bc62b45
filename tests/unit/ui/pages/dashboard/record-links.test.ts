import { describe, expect, it } from 'vitest';
import type { FigureCase } from '../../../../../renderer/src/core/figures/records';
import { recordLinker } from '../../../../../renderer/src/ui/pages/dashboard/record-links';
import { caseOf, recordsOf } from '../../../core/figures/helpers';

// The city's records page (统计 → a figure's records): a received case names the office that sent it
// and when its package was made, and opens among the received records (the city has no case page
// for it); the office's own cases are linked as before, with no sender.

describe('records page links', () => {
  const own = caseOf('own-1', { district: '高区', filed: '2026-10-01', people: 3 });
  const received: FigureCase = {
    ...caseOf('c1', { district: '环翠区', filed: '2026-10-10', people: 40 }),
    id: 'office-hc|c1',
    office: 'office-hc',
    receivedFrom: { officeName: '环翠区处非办', packageCreatedAt: '2026-12-01T02:30:00.000Z' },
  };
  const link = recordLinker(recordsOf({ districts: ['高区', '环翠区'], cases: [own, received] }), (d) => `#/d/${d}`);

  it('a received case: the sender and the package time on the office clock (UTC+8), opening the received records', () => {
    expect(link({ kind: 'case', id: 'office-hc|c1' })).toEqual({ label: `${received.caseNumber} ${received.title}`, href: '#/exchange/records', from: '环翠区处非办（2026-12-01 10:30）' });
  });

  it('an own case: its own page, no sender', () => {
    const l = link({ kind: 'case', id: 'own-1' });
    expect(l.href).toBe('#/cases/own-1');
    expect(l.from).toBeUndefined();
  });
});
