// The petition workflow as a pure state machine:
// 登记 → 受理 | 不予受理(理由) → 调处中 → 化解 | 部分化解 | 未化解 → 办结 → 回访
// plus 转办 (to another unit, from 登记/受理/调处中) and one 延期 (while the resolution clock runs).
// Each step returns a new petition with a history entry; a refused step returns a Chinese message.
import type { WorkingCalendar } from '../calendar/holiday-table';
import { compareDates, type IsoDate, parseIsoDate } from '../calendar/iso-date';
import { checkLimit } from '../common/text-limits';
import type { PetitionDeadlineSettings } from './deadline-settings';
import { computePetitionDeadlines } from './deadlines';
import type {
  Petition,
  PetitionAction,
  PetitionHistoryEntry,
  PetitionStatus,
  ResolutionOutcome,
  Satisfaction,
} from './types';
import { RESOLUTION_OUTCOMES, SATISFACTION_LEVELS } from './types';

export type PetitionEvent =
  | { readonly type: 'accept'; readonly date: IsoDate; readonly by: string }
  | { readonly type: 'reject'; readonly date: IsoDate; readonly by: string; readonly reason: string }
  | { readonly type: 'startMediation'; readonly date: IsoDate; readonly by: string }
  | {
      readonly type: 'recordOutcome';
      readonly date: IsoDate;
      readonly by: string;
      readonly outcome: ResolutionOutcome;
      readonly note?: string;
    }
  | { readonly type: 'close'; readonly date: IsoDate; readonly by: string }
  | {
      readonly type: 'followUp';
      readonly date: IsoDate;
      readonly by: string;
      readonly satisfaction: Satisfaction;
      readonly note: string;
    }
  | { readonly type: 'transfer'; readonly date: IsoDate; readonly by: string; readonly toUnit: string; readonly reason: string }
  | {
      readonly type: 'extend';
      readonly date: IsoDate;
      /** The leader who approved the extension (审批人); `by` is who recorded it. */
      readonly approver: string;
      readonly by: string;
      readonly days: number;
      readonly reason: string;
    };

/** What a step is checked against: the clock settings, the holiday table and today's date. */
export interface WorkflowContext {
  readonly settings: PetitionDeadlineSettings;
  readonly calendar: WorkingCalendar;
  /** Steps may not be dated after today (a typing slip, or recording what has not happened). */
  readonly today: IsoDate;
}

export type WorkflowResult = { readonly ok: true; readonly petition: Petition } | { readonly ok: false; readonly error: string };

const EVENT_NAMES: Record<PetitionEvent['type'], string> = {
  accept: '受理',
  reject: '不予受理',
  startMediation: '开始调处',
  recordOutcome: '登记调处结果',
  close: '办结',
  followUp: '回访',
  transfer: '转办',
  extend: '延期',
};

/** Which states each event may start from. */
const ALLOWED_FROM: Record<PetitionEvent['type'], readonly PetitionStatus[]> = {
  accept: ['登记'],
  reject: ['登记'],
  startMediation: ['受理'],
  recordOutcome: ['调处中'],
  close: ['化解', '部分化解', '未化解'],
  followUp: ['办结'],
  transfer: ['登记', '受理', '调处中'],
  extend: ['受理', '调处中', '化解', '部分化解', '未化解'],
};

function fail(error: string): WorkflowResult {
  return { ok: false, error };
}

function lastStepDate(p: Petition): IsoDate {
  let last = p.receivedOn;
  for (const h of p.history) if (compareDates(h.date, last) > 0) last = h.date;
  return last;
}

function checkCommon(p: Petition, e: PetitionEvent, name: string, today: IsoDate): string | null {
  const date = parseIsoDate(e.date, `${name}日期`);
  if (!date.ok) return date.error;
  if (!e.by.trim()) return `${name}：请填写经办人`;
  if (compareDates(e.date, today) > 0) return `${name}日期 ${e.date} 晚于今天 ${today}，请检查日期`;
  const last = lastStepDate(p);
  if (compareDates(e.date, last) < 0) {
    return `${name}日期 ${e.date} 早于上一步的日期 ${last}，请检查日期（各步骤须按时间先后登记）`;
  }
  const allowed = ALLOWED_FROM[e.type];
  if (!allowed.includes(p.status)) {
    return `当前状态为「${p.status}」，不能${name}：${name}只能在「${allowed.join('」「')}」状态下进行`;
  }
  return null;
}

function step(
  p: Petition,
  e: PetitionEvent,
  action: PetitionAction,
  to: PetitionStatus,
  note: string | undefined,
  patch: Partial<Petition>,
): WorkflowResult {
  const entry: PetitionHistoryEntry = {
    date: e.date,
    by: e.by.trim(),
    action,
    from: p.status,
    to,
    ...(note ? { note } : {}),
  };
  return { ok: true, petition: { ...p, ...patch, status: to, history: [...p.history, entry] } };
}

/** Applies one workflow step, or says in Chinese why it cannot be taken. */
export function applyPetitionEvent(p: Petition, e: PetitionEvent, ctx: WorkflowContext): WorkflowResult {
  const name = EVENT_NAMES[e.type];
  const common = checkCommon(p, e, name, ctx.today);
  if (common) return fail(common);
  const long = textTooLong(e);
  if (long) return fail(long);
  switch (e.type) {
    case 'accept':
      return step(p, e, '受理', '受理', undefined, { acceptedOn: e.date });
    case 'reject': {
      const reason = e.reason.trim();
      if (!reason) return fail('不予受理：请填写不予受理的理由（将书面告知信访人）');
      return step(p, e, '不予受理', '不予受理', reason, { rejectedOn: e.date, rejectionReason: reason });
    }
    case 'startMediation':
      return step(p, e, '开始调处', '调处中', undefined, { mediationStartedOn: e.date });
    case 'recordOutcome': {
      if (!RESOLUTION_OUTCOMES.includes(e.outcome)) {
        return fail(`调处结果「${e.outcome}」无效：请选择 ${RESOLUTION_OUTCOMES.join('、')}`);
      }
      const note = e.note?.trim();
      return step(p, e, '调处结果', e.outcome, note ? `${e.outcome}：${note}` : e.outcome, {
        outcome: e.outcome,
        outcomeOn: e.date,
      });
    }
    case 'close':
      return step(p, e, '办结', '办结', undefined, { closedOn: e.date });
    case 'followUp': {
      if (!SATISFACTION_LEVELS.includes(e.satisfaction)) {
        return fail(`回访满意度「${e.satisfaction}」无效：请选择 ${SATISFACTION_LEVELS.join('、')}`);
      }
      const note = e.note.trim();
      return step(p, e, '回访', '回访', note ? `${e.satisfaction}：${note}` : e.satisfaction, {
        followUp: { date: e.date, satisfaction: e.satisfaction, note },
      });
    }
    case 'transfer': {
      const toUnit = e.toUnit.trim();
      const reason = e.reason.trim();
      if (!toUnit) return fail('转办：请填写接收单位');
      if (!reason) return fail('转办：请填写转办理由');
      return step(p, e, '转办', '已转办', `转至${toUnit}：${reason}`, {
        transfer: { date: e.date, toUnit, reason },
      });
    }
    case 'extend':
      return extend(p, e, ctx);
  }
}

/** The step's free text against its limits (the repository refuses what the form would). */
function textTooLong(e: PetitionEvent): string | null {
  const texts: [string, string | undefined, 'reason' | 'unitName' | 'personName'][] = [];
  if ('reason' in e) texts.push([e.type === 'extend' ? '延期理由' : e.type === 'transfer' ? '转办理由' : '不予受理理由', e.reason, 'reason']);
  if ('note' in e) texts.push(['说明', e.note, 'reason']);
  if (e.type === 'transfer') texts.push(['接收单位', e.toUnit, 'unitName']);
  if (e.type === 'extend') texts.push(['审批人', e.approver, 'personName']);
  for (const [label, text, limit] of texts) {
    const long = checkLimit(label, (text ?? '').trim(), limit);
    if (long) return long;
  }
  return null;
}

function extend(p: Petition, e: Extract<PetitionEvent, { type: 'extend' }>, ctx: WorkflowContext): WorkflowResult {
  if (p.extension) {
    return fail(`延期只能申请一次：本件已于 ${p.extension.approvedOn} 经${p.extension.approver}批准延期 ${p.extension.days} 天`);
  }
  const max = ctx.settings.maxExtensionDays;
  if (max < 1) return fail('当前设置不允许延期（最长延期为 0 天）；如需延期请先在「信访调解 → 时限设置」中修改');
  if (!Number.isInteger(e.days) || e.days < 1 || e.days > max) {
    return fail(`延期天数「${e.days}」无效：应为 1–${max} 的整数天`);
  }
  const approver = e.approver.trim();
  const reason = e.reason.trim();
  if (!approver) return fail('延期：请填写批准延期的负责人（审批人）');
  if (!reason) return fail('延期：请填写延期理由（须告知信访人）');
  // An extension approved after the period ran out would hide an overdue petition.
  const { resolveBy } = computePetitionDeadlines(p, ctx.settings, ctx.calendar);
  if (resolveBy !== undefined && compareDates(e.date, resolveBy) > 0) {
    return fail(`办理期限 ${resolveBy} 已过，不能再延期：延期须在期限届满前批准；本件应按超期办理`);
  }
  // Extending does not change the state: the same clock keeps running, only longer.
  return step(p, e, '延期', p.status, `延期 ${e.days} 天，${approver}批准：${reason}`, {
    extension: { days: e.days, approvedOn: e.date, approver, reason },
  });
}

/** Applies several events in order; stops at the first refusal and says which step failed. */
export function applyPetitionEvents(p: Petition, events: readonly PetitionEvent[], ctx: WorkflowContext): WorkflowResult {
  let current = p;
  for (const [i, e] of events.entries()) {
    const r = applyPetitionEvent(current, e, ctx);
    if (!r.ok) return fail(`第 ${i + 1} 步（${EVENT_NAMES[e.type]}）：${r.error}`);
    current = r.petition;
  }
  return { ok: true, petition: current };
}

/** The steps a user may take now, for enabling buttons. */
export function availableEvents(p: Petition): PetitionEvent['type'][] {
  return (Object.keys(ALLOWED_FROM) as PetitionEvent['type'][]).filter(
    (t) => ALLOWED_FROM[t].includes(p.status) && !(t === 'extend' && p.extension),
  );
}
