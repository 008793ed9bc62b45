import { describe, expect, it } from 'vitest';
import { applyPetitionEvent, availableEvents } from '../../../../renderer/src/core/petitions/workflow';
import { accept, close, ctx, extend, followUp, make, mediate, outcome, reject, run, transfer } from './fixtures';

describe('petition workflow', () => {
  it('walks 登记 → 受理 → 调处中 → 化解 → 办结 → 回访 with every step dated and attributed', () => {
    const p = run(make('p1', '2026-03-02'), [
      accept('2026-03-05'),
      mediate('2026-03-06'),
      outcome('2026-04-01', '化解'),
      close('2026-04-02'),
      followUp('2026-04-20', '基本满意'),
    ]);
    expect(p.status).toBe('回访');
    expect(p.acceptedOn).toBe('2026-03-05');
    expect(p.outcome).toBe('化解');
    expect(p.closedOn).toBe('2026-04-02');
    expect(p.followUp).toEqual({ date: '2026-04-20', satisfaction: '基本满意', note: '电话回访' });
    expect(p.history.map((h) => [h.date, h.by, h.action, h.from, h.to])).toEqual([
      ['2026-03-02', '登记员', '登记', null, '登记'],
      ['2026-03-05', '李调解', '受理', '登记', '受理'],
      ['2026-03-06', '李调解', '开始调处', '受理', '调处中'],
      ['2026-04-01', '李调解', '调处结果', '调处中', '化解'],
      ['2026-04-02', '李调解', '办结', '化解', '办结'],
      ['2026-04-20', '李调解', '回访', '办结', '回访'],
    ]);
    expect(p.history[5]?.note).toBe('基本满意：电话回访');
  });

  it('does not change the input petition', () => {
    const p = make('p1', '2026-03-02');
    const r = applyPetitionEvent(p, accept('2026-03-05'), ctx);
    expect(r.ok).toBe(true);
    expect(p.status).toBe('登记');
    expect(p.history).toHaveLength(1);
  });

  it('rejects a step out of order with a Chinese message naming the allowed states', () => {
    const p = make('p1', '2026-03-02');
    const r = applyPetitionEvent(p, close('2026-03-05'), ctx);
    expect(r).toEqual({
      ok: false,
      error: '当前状态为「登记」，不能办结：办结只能在「化解」「部分化解」「未化解」状态下进行',
    });
    const closed = run(p, [accept('2026-03-03'), mediate('2026-03-03'), outcome('2026-03-04', '未化解'), close('2026-03-05')]);
    const again = applyPetitionEvent(closed, accept('2026-03-06'), ctx);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toContain('当前状态为「办结」，不能受理');
  });

  it('requires a reason to refuse acceptance and records it', () => {
    const p = make('p1', '2026-03-02');
    const noReason = applyPetitionEvent(p, reject('2026-03-04', '  '), ctx);
    expect(noReason).toEqual({ ok: false, error: '不予受理：请填写不予受理的理由（将书面告知信访人）' });
    const r = run(p, [reject('2026-03-04', '已经司法程序处理')]);
    expect(r.status).toBe('不予受理');
    expect(r.rejectionReason).toBe('已经司法程序处理');
    expect(availableEvents(r)).toEqual([]);
  });

  it('refuses a step dated before the previous one, or with a bad date or no handler', () => {
    const p = run(make('p1', '2026-03-02'), [accept('2026-03-10')]);
    const back = applyPetitionEvent(p, mediate('2026-03-09'), ctx);
    expect(back).toEqual({
      ok: false,
      error: '开始调处日期 2026-03-09 早于上一步的日期 2026-03-10，请检查日期（各步骤须按时间先后登记）',
    });
    const beforeReceipt = applyPetitionEvent(make('p2', '2026-03-02'), accept('2026-03-01'), ctx);
    expect(beforeReceipt.ok).toBe(false);
    const badDate = applyPetitionEvent(p, mediate('2026-02-30'), ctx);
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error).toContain('开始调处日期「2026-02-30」不存在');
    const nobody = applyPetitionEvent(p, { type: 'startMediation', date: '2026-03-11', by: ' ' }, ctx);
    expect(nobody).toEqual({ ok: false, error: '开始调处：请填写经办人' });
  });

  it('allows one extension of at most 30 days, with approver and reason', () => {
    const p = run(make('p1', '2026-03-02'), [accept('2026-03-03'), mediate('2026-03-04')]);
    expect(applyPetitionEvent(p, extend('2026-04-01', 31), ctx)).toEqual({
      ok: false,
      error: '延期天数「31」无效：应为 1–30 的整数天',
    });
    expect(applyPetitionEvent(p, { ...extend('2026-04-01', 10), approver: '' }, ctx)).toEqual({
      ok: false,
      error: '延期：请填写批准延期的负责人（审批人）',
    });
    const once = run(p, [extend('2026-04-01', 30)]);
    expect(once.status).toBe('调处中');
    expect(once.extension).toEqual({ days: 30, approvedOn: '2026-04-01', approver: '王主任', reason: '涉案资产尚在处置' });
    expect(once.history.at(-1)?.note).toBe('延期 30 天，王主任批准：涉案资产尚在处置');
    const twice = applyPetitionEvent(once, extend('2026-04-02', 5), ctx);
    expect(twice).toEqual({ ok: false, error: '延期只能申请一次：本件已于 2026-04-01 经王主任批准延期 30 天' });
    expect(availableEvents(once)).not.toContain('extend');
    const notAccepted = applyPetitionEvent(make('p2', '2026-03-02'), extend('2026-03-03', 5), ctx);
    expect(notAccepted.ok).toBe(false);
  });

  it('refuses a step dated after today', () => {
    const r = applyPetitionEvent(make('p1', '2026-03-02'), accept('2026-03-05'), { ...ctx, today: '2026-03-04' });
    expect(r).toEqual({ ok: false, error: '受理日期 2026-03-05 晚于今天 2026-03-04，请检查日期' });
  });

  it('refuses an extension approved after the resolution deadline, or when settings allow none', () => {
    // Accepted 03-10: resolveBy 05-09 (a make-up working Saturday).
    const p = run(make('p1', '2026-03-02'), [accept('2026-03-10'), mediate('2026-03-11')]);
    expect(applyPetitionEvent(p, extend('2026-05-09', 30), ctx).ok).toBe(true);
    expect(applyPetitionEvent(p, extend('2026-05-10', 30), ctx)).toEqual({
      ok: false,
      error: '办理期限 2026-05-09 已过，不能再延期：延期须在期限届满前批准；本件应按超期办理',
    });
    const none = { ...ctx, settings: { ...ctx.settings, maxExtensionDays: 0 } };
    const r = applyPetitionEvent(p, extend('2026-04-01', 5), none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('当前设置不允许延期');
  });

  it('transfers to another unit with a reason, ending the petition here', () => {
    const p = make('p1', '2026-03-02');
    expect(applyPetitionEvent(p, { ...transfer('2026-03-03'), toUnit: '' }, ctx)).toEqual({
      ok: false,
      error: '转办：请填写接收单位',
    });
    const t = run(p, [transfer('2026-03-03', '环翠区信访局')]);
    expect(t.status).toBe('已转办');
    expect(t.transfer).toEqual({ date: '2026-03-03', toUnit: '环翠区信访局', reason: '属地管辖' });
    expect(t.history.at(-1)?.note).toBe('转至环翠区信访局：属地管辖');
    expect(availableEvents(t)).toEqual([]);
  });

  it('offers the next steps for each state', () => {
    const p = make('p1', '2026-03-02');
    expect(availableEvents(p)).toEqual(['accept', 'reject', 'transfer']);
    const m = run(p, [accept('2026-03-03'), mediate('2026-03-04')]);
    expect(availableEvents(m)).toEqual(['recordOutcome', 'transfer', 'extend']);
  });
});
