// The steps of a clue after registration: 分派, 核查 (dated notes and a result), 处置, 答复, 办结.
// Each step checks its own facts and the clue's state, and returns the clue with the step recorded;
// nothing is changed when a step is refused. A clue is closed only with a disposition and its date.
import { compareDates, parseIsoDate } from '../calendar/iso-date';
import type { CheckedClueForm } from './clue-form';
import {
  type Clue,
  type ClueStatus,
  DISPOSITION_KINDS,
  type Disposition,
  type DispositionKind,
  VERIFY_RESULTS,
  type VerifyResult,
} from './types';

export type ClueEvent =
  | { readonly type: 'assign'; readonly date: string; readonly assignee: string }
  | { readonly type: 'verify-note'; readonly date: string; readonly note: string }
  | { readonly type: 'verify-result'; readonly date: string; readonly result: string; readonly note: string }
  | {
      readonly type: 'dispose';
      readonly date: string;
      readonly kind: string;
      readonly reason: string;
      readonly caseId: string | null;
      readonly transferTo: string;
      readonly letterNo: string;
    }
  | { readonly type: 'reply'; readonly date: string; readonly note: string }
  | { readonly type: 'close'; readonly date: string };

export const STEP_LABELS: Readonly<Record<ClueEvent['type'], string>> = {
  assign: '分派',
  'verify-note': '核查记录',
  'verify-result': '核查结论',
  dispose: '处置',
  reply: '答复举报人',
  close: '办结',
};

export type StepOutcome = { readonly ok: true; readonly clue: Clue } | { readonly ok: false; readonly field: string; readonly error: string };

export function newClue(id: string, clueNo: string, form: CheckedClueForm, by: string, firstClueId: string | null): Clue {
  return {
    id,
    clueNo,
    receivedOn: form.receivedOn,
    channel: form.channel,
    subject: form.subject,
    allegation: form.allegation,
    level: form.level,
    levelReason: form.levelReason,
    anonymous: form.anonymous,
    hasReporter: form.reporter !== null,
    status: '已登记',
    assignee: null,
    assignedOn: null,
    verifications: [],
    verifyResult: null,
    verifiedOn: null,
    disposition: null,
    replyOn: null,
    replyNote: null,
    closedOn: null,
    firstClueId,
    history: [{ step: '登记', date: form.receivedOn, by, note: firstClueId ? '同一主体已有在先线索，已关联' : '' }],
    registeredBy: by,
  };
}

function refuse(field: string, error: string): StepOutcome {
  return { ok: false, field, error };
}

const STEP_ORDER: Readonly<Record<ClueStatus, number>> = { 已登记: 0, 已分派: 1, 核查中: 2, 已核查: 3, 已处置: 4, 已办结: 5 };

/** Applies one step on `today`; dates may not be in the future nor before the clue was received. */
export function applyClueEvent(clue: Clue, event: ClueEvent, by: string, today: string): StepOutcome {
  const label = STEP_LABELS[event.type];
  const parsed = parseIsoDate(event.date.trim(), `${label}日期`);
  if (!parsed.ok) return refuse('date', `${label}日期有误：${parsed.error}`);
  const date = parsed.value;
  if (compareDates(date, today) > 0) return refuse('date', `${label}日期 ${date} 晚于今天：请填写实际办理的日期。`);
  if (compareDates(date, clue.receivedOn) < 0) return refuse('date', `${label}日期 ${date} 早于收到线索的日期 ${clue.receivedOn}：请核对。`);
  if (clue.status === '已办结') return refuse('status', `线索 ${clue.clueNo} 已办结，不能再${label}。`);
  const step = (note: string) => [...clue.history, { step: label, date, by, note }];
  switch (event.type) {
    case 'assign': {
      const assignee = event.assignee.trim();
      if (assignee === '') return refuse('assignee', '承办人未填写：请填写负责核查这条线索的人员或单位。');
      if (STEP_ORDER[clue.status] > STEP_ORDER.核查中) return refuse('status', `线索已${clue.status}，不能再分派。`);
      return { ok: true, clue: { ...clue, assignee, assignedOn: date, status: clue.status === '已登记' ? '已分派' : clue.status, history: step(assignee) } };
    }
    case 'verify-note': {
      const note = event.note.trim();
      if (note === '') return refuse('note', '核查记录未填写：请写明当天核查了什么、发现了什么。');
      if (clue.status === '已登记') return refuse('status', '线索尚未分派：请先分派承办人再记录核查情况。');
      if (STEP_ORDER[clue.status] > STEP_ORDER.已核查) return refuse('status', '线索已处置，核查记录不能再追加。');
      return {
        ok: true,
        clue: { ...clue, status: clue.status === '已分派' ? '核查中' : clue.status, verifications: [...clue.verifications, { date, note, by }], history: step(note) },
      };
    }
    case 'verify-result': {
      const result = event.result as VerifyResult;
      if (!VERIFY_RESULTS.includes(result)) return refuse('result', '核查结论未选择：请选择属实、部分属实、不属实或无法核实。');
      if (clue.status === '已登记') return refuse('status', '线索尚未分派：请先分派承办人并记录核查情况。');
      if (clue.verifications.length === 0) return refuse('status', '还没有核查记录：请先记录至少一次核查情况（日期和内容），再下核查结论。');
      if (STEP_ORDER[clue.status] > STEP_ORDER.已核查) return refuse('status', '线索已处置，核查结论不能再改。');
      return { ok: true, clue: { ...clue, status: '已核查', verifyResult: result, verifiedOn: date, history: step(`${result}${event.note.trim() ? `：${event.note.trim()}` : ''}`) } };
    }
    case 'dispose': {
      const kind = event.kind as DispositionKind;
      if (!DISPOSITION_KINDS.includes(kind)) return refuse('kind', '处置方式未选择：请选择立案、移送、纳入风险台账、不予立案或已答复。');
      if (clue.status !== '已核查' && kind !== '已答复') return refuse('status', '线索尚未核查完毕：请先下核查结论再处置（仅咨询类线索可直接“已答复”）。');
      if (clue.disposition) return refuse('status', `线索已处置（${clue.disposition.kind}），不能再次处置。`);
      const reason = event.reason.trim();
      if (kind === '不予立案' && reason === '') return refuse('reason', '不予立案理由未填写：请写明不予立案的依据和理由。');
      if (kind === '立案' && !event.caseId) return refuse('caseId', '立案须关联案件：请选择已登记的案件，或先在“案件”中登记后再关联。');
      const transferTo = event.transferTo.trim();
      if (kind === '移送' && transferTo === '') return refuse('transferTo', '移送单位未填写：请填写接收移送的单位（如市公安局经侦支队）。');
      const letterNo = event.letterNo.trim();
      if (kind === '移送' && letterNo === '') return refuse('letterNo', '移送函文号未填写：请填写移送函的文号。');
      const disposition: Disposition = {
        kind,
        date,
        reason,
        caseId: kind === '立案' ? event.caseId : null,
        transferTo: kind === '移送' ? transferTo : null,
        letterNo: kind === '移送' ? letterNo : null,
        by,
      };
      return { ok: true, clue: { ...clue, status: '已处置', disposition, history: step(`${kind}${reason ? `：${reason}` : ''}${transferTo && kind === '移送' ? `（移送${transferTo}，${letterNo}）` : ''}`) } };
    }
    case 'reply': {
      const note = event.note.trim();
      if (clue.anonymous || !clue.hasReporter) return refuse('status', '这是匿名线索，没有可以答复的举报人。');
      if (note === '') return refuse('note', '答复内容未填写：请写明答复的方式和内容。');
      return { ok: true, clue: { ...clue, replyOn: date, replyNote: note, history: step(note) } };
    }
    case 'close': {
      if (!clue.disposition) return refuse('disposition', '线索还没有处置结果：办结前须先记录处置方式（立案、移送、纳入风险台账、不予立案或已答复）及其日期。');
      if (compareDates(date, clue.disposition.date) < 0) return refuse('date', `办结日期 ${date} 早于处置日期 ${clue.disposition.date}：请核对。`);
      return { ok: true, clue: { ...clue, status: '已办结', closedOn: date, history: step('') } };
    }
  }
}
