import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, CHINA_HOLIDAYS_2025_2026 } from '../../../../renderer/src/core/calendar';
import {
  applyClueEvent,
  buildClueIndex,
  type Clue,
  type ClueFormInput,
  type ClueQuery,
  checkClueForm,
  checkClueTimeLimits,
  clueDeadline,
  DEFAULT_CLUE_TIME_LIMITS,
  EMPTY_CLUE_QUERY,
  findFirstClue,
  newClue,
  queryClueIndex,
} from '../../../../renderer/src/core/clues';

const TODAY = '2026-11-26';

function form(patch: Partial<ClueFormInput> = {}): ClueFormInput {
  return {
    receivedOn: '2026-11-02',
    channel: '热线',
    subject: { kind: 'firm', name: '威海某某养老服务有限公司', creditCode: '91371000MA3C5XKP64', link: '' },
    allegation: '以预售养老床位名义承诺高额返利，向老年人吸收资金',
    level: '高',
    levelReason: '仍在吸收资金，涉及老年人较多',
    anonymous: false,
    reporter: { name: '王秀兰', phone: '138 0631 1234', idNumber: '', address: '', isStaff: false, isParticipant: true },
    ...patch,
  };
}

function registered(patch: Partial<ClueFormInput> = {}): Clue {
  const checked = checkClueForm(form(patch), TODAY);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return newClue('c-1', '线索〔2026〕1号', checked.value, '林淼', null);
}

describe('clue form', () => {
  it('accepts a named report, normalising the phone and checking the credit code', () => {
    const r = checkClueForm(form(), TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.reporter).toMatchObject({ name: '王秀兰', phone: '13806311234', isParticipant: true });
      expect(r.value.subject.creditCode).toBe('91371000MA3C5XKP64');
    }
  });

  it('names the field of a bad phone in Chinese', () => {
    const r = checkClueForm(form({ reporter: { name: '王秀兰', phone: '12345', idNumber: '', address: '', isStaff: false, isParticipant: false } }), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.field === 'reporter.phone');
      expect(e?.message).toContain('举报人联系电话');
      expect(e?.message).toContain('12345');
    }
  });

  it('refuses a wrong check character of the credit code, and a code on a person', () => {
    const bad = checkClueForm(form({ subject: { kind: 'firm', name: '某公司', creditCode: '91371000MA3C5XKP6A', link: '' } }), TODAY);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toContain('统一社会信用代码');
    const person = checkClueForm(form({ subject: { kind: 'person', name: '张某', creditCode: '91371000MA3C5XKP64', link: '' } }), TODAY);
    expect(person.ok).toBe(false);
  });

  it('allows an anonymous report and keeps no reporter', () => {
    const r = checkClueForm(form({ anonymous: true, reporter: { name: '', phone: 'xx', idNumber: '', address: '', isStaff: false, isParticipant: false } }), TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.reporter).toBeNull();
  });

  it('requires channel, level with a reason, and a date not in the future', () => {
    const r = checkClueForm(form({ channel: '', level: '', levelReason: ' ', receivedOn: '2026-12-01' }), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['channel', 'level', 'levelReason', 'receivedOn']);
  });
});

describe('clue lifecycle', () => {
  it('goes assign → verify notes → result → dispose → close, each step dated and attributed', () => {
    let c = registered();
    const step = (e: Parameters<typeof applyClueEvent>[1]) => {
      const r = applyClueEvent(c, e, '林淼', TODAY);
      if (!r.ok) throw new Error(r.error);
      c = r.clue;
    };
    step({ type: 'assign', date: '2026-11-03', assignee: '环翠区处非办' });
    step({ type: 'verify-note', date: '2026-11-05', note: '实地走访，门店仍在营业' });
    step({ type: 'verify-result', date: '2026-11-06', result: '属实', note: '' });
    step({ type: 'dispose', date: '2026-11-10', kind: '移送', reason: '', caseId: null, transferTo: '市公安局经侦支队', letterNo: '威处非移〔2026〕3号' });
    step({ type: 'reply', date: '2026-11-11', note: '电话告知已移送公安机关' });
    step({ type: 'close', date: '2026-11-12' });
    expect(c.status).toBe('已办结');
    expect(c.disposition).toMatchObject({ kind: '移送', date: '2026-11-10', transferTo: '市公安局经侦支队' });
    expect(c.history.map((h) => h.step)).toEqual(['登记', '分派', '核查记录', '核查结论', '处置', '答复举报人', '办结']);
  });

  it('cannot close a clue without a disposition and its date', () => {
    const c = registered();
    const r = applyClueEvent(c, { type: 'close', date: '2026-11-12' }, '林淼', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('办结前须先记录处置方式');
  });

  it('needs a reason for 不予立案, a case for 立案, and refuses a future date', () => {
    let c = registered();
    for (const e of [
      { type: 'assign', date: '2026-11-03', assignee: '甲' },
      { type: 'verify-note', date: '2026-11-04', note: '查无此事' },
      { type: 'verify-result', date: '2026-11-04', result: '不属实', note: '' },
    ] as const) {
      const r = applyClueEvent(c, e, '林淼', TODAY);
      if (!r.ok) throw new Error(r.error);
      c = r.clue;
    }
    const noReason = applyClueEvent(c, { type: 'dispose', date: '2026-11-05', kind: '不予立案', reason: '', caseId: null, transferTo: '', letterNo: '' }, '林淼', TODAY);
    expect(noReason).toMatchObject({ ok: false, field: 'reason' });
    const noCase = applyClueEvent(c, { type: 'dispose', date: '2026-11-05', kind: '立案', reason: '', caseId: null, transferTo: '', letterNo: '' }, '林淼', TODAY);
    expect(noCase).toMatchObject({ ok: false, field: 'caseId' });
    const future = applyClueEvent(c, { type: 'dispose', date: '2026-12-05', kind: '不予立案', reason: '查无实据', caseId: null, transferTo: '', letterNo: '' }, '林淼', TODAY);
    expect(future).toMatchObject({ ok: false, field: 'date' });
  });

  it('will not record a verification result before any verification note', () => {
    const a = applyClueEvent(registered(), { type: 'assign', date: '2026-11-03', assignee: '甲' }, '林淼', TODAY);
    if (!a.ok) throw new Error(a.error);
    const r = applyClueEvent(a.clue, { type: 'verify-result', date: '2026-11-04', result: '属实', note: '' }, '林淼', TODAY);
    expect(r.ok).toBe(false);
  });

  it('refuses a reply on an anonymous clue', () => {
    const c = registered({ anonymous: true });
    expect(applyClueEvent(c, { type: 'reply', date: '2026-11-05', note: '已答复' }, '林淼', TODAY).ok).toBe(false);
  });
});

describe('time limits', () => {
  const cal = buildWorkingCalendar(CHINA_HOLIDAYS_2025_2026);
  it('counts working days per level and shows overdue, due-soon and done', () => {
    const c = registered();
    // 2026-11-02 is a Monday: 3 working days → Thursday 11-05.
    expect(clueDeadline(c, DEFAULT_CLUE_TIME_LIMITS, cal, '2026-11-26')).toEqual({ dueOn: '2026-11-05', state: 'overdue', days: 21 });
    expect(clueDeadline(c, DEFAULT_CLUE_TIME_LIMITS, cal, '2026-11-03').state).toBe('due-soon');
    expect(clueDeadline({ ...c, level: '低' }, DEFAULT_CLUE_TIME_LIMITS, cal, '2026-11-03').state).toBe('ok');
    expect(clueDeadline({ ...c, verifiedOn: '2026-11-04' }, DEFAULT_CLUE_TIME_LIMITS, cal, '2026-11-26').state).toBe('done');
  });
  it('refuses limits that are not whole days or loosen upward', () => {
    expect(checkClueTimeLimits({ verifyDays: { 高: 0, 中: 10, 低: 5 }, warnDays: 2 }).map((e) => e.field)).toEqual(['verifyDays.高', 'verifyDays']);
  });
});

describe('first reporter and list query', () => {
  it('links a later report of the same firm (by credit code, else by name) to the first', () => {
    const first = registered();
    const same = checkClueForm(form({ subject: { kind: 'firm', name: '威海某某养老 服务有限公司', creditCode: '', link: '' } }), TODAY);
    if (!same.ok) throw new Error('form');
    // Without the code the names differ only by a space: the same firm.
    expect(findFirstClue({ ...same.value.subject, name: '威海某某养老服务有限公司' }, '2026-11-20', [first])).toBe('c-1');
    expect(findFirstClue(first.subject, '2026-11-20', [first])).toBe('c-1');
    expect(findFirstClue({ ...first.subject, creditCode: null, name: '别的公司' }, '2026-11-20', [first])).toBeNull();
    // A report received before the stored one is not "later".
    expect(findFirstClue(first.subject, '2026-10-01', [first])).toBeNull();
  });
  it('filters by channel, level, status and searches subject and allegation', () => {
    const a = registered();
    const b = { ...registered({ channel: '微信', level: '低', subject: { kind: 'website', name: '某理财网', creditCode: '', link: 'http://x.example' } }), id: 'c-2', clueNo: '线索〔2026〕2号' };
    const index = buildClueIndex([a, b]);
    const ids = (q: Partial<ClueQuery>) => queryClueIndex(index, { ...EMPTY_CLUE_QUERY, ...q }).map((c) => c.id);
    expect(ids({ channel: '微信' })).toEqual(['c-2']);
    expect(ids({ level: '高' })).toEqual(['c-1']);
    expect(ids({ text: 'X.EXAMPLE' })).toEqual(['c-2']);
    // Never the reporter: the identity is not in the index.
    expect(ids({ text: '王秀兰' })).toEqual([]);
    expect(ids({ status: 'open' })).toEqual(['c-1', 'c-2']);
    expect(ids({ year: 2025 })).toEqual([]);
    expect(ids({ text: '返利', channel: '热线' })).toEqual(['c-1']);
  });
  it('finds a text in every clue that has it, once each, and never across two clues', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...registered(), id: `c-${i}`, clueNo: `线索〔2026〕${i + 1}号`, allegation: i % 3 === 0 ? '集资集资集资' : '其他' }));
    const index = buildClueIndex(many);
    expect(queryClueIndex(index, { ...EMPTY_CLUE_QUERY, text: '集资' }).map((c) => c.id)).toEqual(many.filter((_, i) => i % 3 === 0).map((c) => c.id));
    // One clue's text never runs into the next one's.
    expect(queryClueIndex(index, { ...EMPTY_CLUE_QUERY, text: '他线索' })).toEqual([]);
    expect(queryClueIndex(index, { ...EMPTY_CLUE_QUERY, text: '30号' }).map((c) => c.id)).toEqual(['c-29']);
    expect(queryClueIndex(buildClueIndex([]), { ...EMPTY_CLUE_QUERY, text: '集资' })).toEqual([]);
  });
});

describe('clue index while typing', () => {
  it('narrows from the last matches as the text grows, and widens again when it shrinks or a filter changes', () => {
    const make = (i: number, allegation: string, channel: Clue['channel']) => ({ ...registered(), id: `c-${i}`, clueNo: `线索〔2026〕${i}号`, allegation, channel });
    const list = [make(1, '甲乙丙', '热线'), make(2, '甲乙丁', '微信'), make(3, '戊己', '热线')];
    const index = buildClueIndex(list);
    const ids = (q: Partial<ClueQuery>) => queryClueIndex(index, { ...EMPTY_CLUE_QUERY, ...q }).map((c) => c.id);
    expect(ids({ text: '甲' })).toEqual(['c-1', 'c-2']);
    expect(ids({ text: '甲乙丙' })).toEqual(['c-1']);
    expect(ids({ text: '甲' })).toEqual(['c-1', 'c-2']);
    expect(ids({ text: '甲', channel: '微信' })).toEqual(['c-2']);
    expect(ids({ text: '甲乙', channel: null })).toEqual(['c-1', 'c-2']);
    expect(ids({ text: '' })).toEqual(['c-1', 'c-2', 'c-3']);
  });
});
