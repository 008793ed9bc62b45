import { describe, expect, it } from 'vitest';
import { casePeople } from '../../../../renderer/src/core/cases/dashboard-figures';
import type { FigureCase } from '../../../../renderer/src/core/figures/records';
import { caseOf, figuresFor, recordsOf, row, YEAR_2020 } from './helpers';

// 新立案件涉及人数 counts the people in a case's creditor register where one exists, and the typed
// figure (填报) only where none does; the drill-down lists each case with its source and its figures
// add up to the value shown.
const withRegister = (c: FigureCase, n: number | null): FigureCase => ({ ...c, registeredPersons: n });

const CASES: FigureCase[] = [
  // Typed 1,600 at filing; the register imported since holds 1,203 people: the register counts.
  withRegister(caseOf('A', { district: '环翠区', filed: '2020-03-01', people: 1600 }), 1203),
  // A register but no typed figure.
  withRegister(caseOf('B', { district: '环翠区', filed: '2020-04-01', people: null }), 12),
  // No register yet: the typed figure, marked 填报.
  caseOf('C', { district: '文登区', filed: '2020-05-01', people: 200 }),
  // An empty register (every creditor removed) is no register: the typed figure stands.
  withRegister(caseOf('D', { district: '文登区', filed: '2020-06-01', people: 35 }), 0),
  // Neither: 0, said in the drill-down.
  caseOf('E', { district: '文登区', filed: '2020-07-01', people: null }),
  // Filed outside the period: not counted at all.
  withRegister(caseOf('F', { district: '文登区', filed: '2019-07-01', people: 9 }), 900),
];

describe('新立案件涉及人数 (people involved in new cases)', () => {
  const rows = figuresFor(recordsOf({ districts: ['环翠区', '文登区'], cases: CASES }), YEAR_2020);
  const people = row(rows, 'cases.new.people');

  it('counts each register’s people, and the typed figure only where a case has no register', () => {
    // 1,203 + 12 (registers) + 200 + 35 (typed) + 0.
    expect(people.current.value).toBe(1450);
    // Last year: case F's register (900), not its typed 9.
    expect(people.previous.value).toBe(900);
  });

  it('says on the dashboard how much of the figure is 填报', () => {
    expect(people.current.note).toBe('名单 1,215 人（2 起）；填报 235 人（2 起）；未填写 1 起');
    expect(people.previous.note).toBe('名单 900 人（1 起）');
  });

  it('lists every case with where its number comes from, and the list adds up to the value', () => {
    expect(people.current.records.map((r) => [r.id, r.detail])).toEqual([
      ['A', '名单 1,203 人（案件填报 1,600 人，未采用）'],
      ['B', '名单 12 人'],
      ['C', '填报 200 人（尚未导入名单）'],
      ['D', '填报 35 人（尚未导入名单）'],
      ['E', '涉及人数未填写、尚未导入名单，按 0 计'],
    ]);
    const sum = people.current.records.reduce((s, r) => s + Number(/^(?:名单|填报) ([\d,]+) 人/.exec(r.detail ?? '')?.[1]?.replace(/,/g, '') ?? 0), 0);
    expect(sum).toBe(people.current.value);
  });

  it('casePeople: register, then typed, then none', () => {
    expect(casePeople({ peopleInvolved: 5, registeredPersons: 7 })).toEqual({ count: 7, source: 'register' });
    expect(casePeople({ peopleInvolved: 5, registeredPersons: null })).toEqual({ count: 5, source: 'typed' });
    expect(casePeople({ peopleInvolved: 5 })).toEqual({ count: 5, source: 'typed' });
    expect(casePeople({ peopleInvolved: null, registeredPersons: 0 })).toEqual({ count: 0, source: 'none' });
  });

  it('a period with only typed figures has no register part in its note', () => {
    const only = figuresFor(recordsOf({ districts: ['环翠区'], cases: [caseOf('X', { district: '环翠区', filed: '2020-01-02', people: 4 })] }), YEAR_2020);
    expect(row(only, 'cases.new.people').current).toMatchObject({ value: 4, note: '填报 4 人（1 起）' });
  });
});
