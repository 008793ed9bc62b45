// The other direction (市 → 区县): the city office sends notices (通知) and assignments (交办: a clue
// or a petition for the district to handle) as a package of kind 'notice', signed the same way.
// At the district the notices are kept read-only with the reports' records, and each assignment
// received for the first time lands in its lists as a new clue (channel 上级交办) or petition
// (channel 上级转办), numbered there. Nothing lands twice: the same assignment re-sent is a record
// already held.
import type { ClueFormInput } from '../clues/clue-form';
import type { Clue } from '../clues/types';
import type { Petition, Petitioner } from '../petitions/types';
import type { PetitionFormInput } from '../petitions/validation';
import { maskPetitioner } from './build-records';
import type { ExchangeRecord } from './types';

export const NOTICE_KIND = 'notice';
export const ASSIGNMENT_KIND = 'assignment';

export interface NoticeInput {
  readonly title: string;
  readonly body: string;
}

export interface NoticeRequestInput {
  readonly notice: NoticeInput | null;
  readonly clues: readonly Clue[];
  readonly petitions: readonly Omit<Petition, 'mediationSessions'>[];
  /** 交办要求: what the district is asked to do, sent with every assignment. */
  readonly request: string;
}

export type NoticeField = 'title' | 'body' | 'items' | 'request';

/** Checks what the city is about to send; Chinese messages naming the field and what to do. */
export function checkNoticeRequest(input: NoticeRequestInput): Partial<Record<NoticeField, string>> {
  const errors: Partial<Record<NoticeField, string>> = {};
  const assigns = input.clues.length + input.petitions.length;
  if (input.notice === null && assigns === 0) errors.items = '请填写通知，或至少选择一条交办的线索或信访件。';
  if (input.notice !== null) {
    if (input.notice.title.trim() === '') errors.title = '请填写通知标题（如：关于开展2026年第四季度排查工作的通知）。';
    else if (input.notice.title.length > 100) errors.title = `通知标题过长（${input.notice.title.length} 字），请不超过 100 字。`;
    if (input.notice.body.trim() === '') errors.body = '请填写通知正文。';
  }
  if (assigns > 0 && input.request.trim() === '') errors.request = '请填写交办要求（如：请于10个工作日内核查并报送结果）。';
  return errors;
}

/** Package records of a notice package; `noticeId` names the notice (new for each notice written). */
export function buildNoticeRecords(input: NoticeRequestInput, noticeId: string, issuedOn: string, includePersonal: boolean): ExchangeRecord[] {
  const out: ExchangeRecord[] = [];
  if (input.notice) out.push({ kind: NOTICE_KIND, sourceId: noticeId, district: null, data: { title: input.notice.title.trim(), body: input.notice.body.trim(), issuedOn } });
  const request = input.request.trim();
  for (const c of input.clues) {
    out.push({
      kind: ASSIGNMENT_KIND,
      sourceId: `clue:${c.id}`,
      district: null,
      data: {
        target: 'clue',
        number: c.clueNo,
        issuedOn,
        request,
        // The reporter's identity stays at the city (kept apart there, shown only on purpose).
        clue: { receivedOn: c.receivedOn, subject: c.subject, allegation: c.allegation, level: c.level, levelReason: c.levelReason },
      },
    });
  }
  for (const p of input.petitions) {
    out.push({
      kind: ASSIGNMENT_KIND,
      sourceId: `petition:${p.id}`,
      district: null,
      data: {
        target: 'petition',
        number: p.registerNo,
        issuedOn,
        request,
        petition: {
          receivedOn: p.receivedOn,
          level: p.level,
          form: p.form,
          personCount: p.personCount,
          petitioners: includePersonal ? p.petitioners : p.petitioners.map(maskPetitioner),
          demands: p.demands,
          urgency: p.urgency,
        },
      },
    });
  }
  return out;
}

/** A petitioner as the district registers them: masked contact details (with *) are left out, not stored as typed. */
function landedPetitioner(p: Petitioner): Petitioner {
  if (p.kind === 'creditor') return { kind: 'entered', name: p.name };
  const real = (v: string | undefined) => v !== undefined && v !== '' && !v.includes('*');
  return { kind: 'entered', name: p.name, ...(real(p.phone) ? { phone: p.phone } : {}), ...(real(p.idNumber) ? { idNumber: p.idNumber } : {}) };
}

interface AssignmentData {
  readonly target: 'clue' | 'petition';
  readonly number: string;
  readonly issuedOn: string;
  readonly request: string;
  readonly clue?: Pick<Clue, 'receivedOn' | 'subject' | 'allegation' | 'level' | 'levelReason'>;
  readonly petition?: Pick<Petition, 'receivedOn' | 'level' | 'form' | 'personCount' | 'petitioners' | 'demands' | 'urgency'>;
}

/** What an assignment becomes at the district: the form its own register takes, or null if unreadable. */
export function assignmentForm(
  data: Readonly<Record<string, unknown>>,
  from: string,
  receivedOn: string,
  handler: string,
): { readonly target: 'clue'; readonly form: ClueFormInput } | { readonly target: 'petition'; readonly form: PetitionFormInput } | null {
  const a = data as unknown as AssignmentData;
  const note = `【${from}交办 ${a.number}】${a.request}`;
  if (a.target === 'clue' && a.clue) {
    const s = a.clue.subject;
    return {
      target: 'clue',
      form: {
        receivedOn,
        channel: '上级交办',
        subject: { kind: s.kind, name: s.name, creditCode: s.creditCode ?? '', link: s.link ?? '' },
        allegation: `${a.clue.allegation}\n${note}`,
        level: a.clue.level,
        levelReason: a.clue.levelReason,
        anonymous: true,
        reporter: { name: '', phone: '', idNumber: '', address: '', isStaff: false, isParticipant: false },
      },
    };
  }
  if (a.target === 'petition' && a.petition) {
    const p = a.petition;
    return {
      target: 'petition',
      form: {
        receivedOn,
        channel: '上级转办',
        level: p.level,
        form: p.form,
        personCount: p.personCount,
        petitioners: p.petitioners.map(landedPetitioner),
        caseId: null,
        demands: `${p.demands}\n${note}`,
        urgency: p.urgency,
        handler,
      },
    };
  }
  return null;
}
