import { describe, expect, it } from 'vitest';
import { casePeopleText } from '../../../../../renderer/src/ui/pages/cases/case-people';

describe('the case page’s 涉及人数', () => {
  it('is the register’s people once a register holds any, naming a different typed estimate beside it', () => {
    expect(casePeopleText(1600, 12)).toBe('12 人（名单）；案件填报 1,600 人');
    expect(casePeopleText(12, 12)).toBe('12 人（名单）');
    expect(casePeopleText(null, 104_857)).toBe('104,857 人（名单）');
  });

  it('is the typed figure, marked 填报, with no register or an empty one', () => {
    expect(casePeopleText(1600, null)).toBe('1,600 人（填报）');
    expect(casePeopleText(0, 0)).toBe('0 人（填报）');
  });

  it('is a dash when neither exists', () => {
    expect(casePeopleText(null, null)).toBe('—');
    expect(casePeopleText(null, 0)).toBe('—');
  });
});
