// Mediation sessions (调解) of a petition and the data a 调解协议书 needs.
import { compareDates, formatDateZh, type IsoDate, parseIsoDate } from '../calendar/iso-date';
import { checkLimit, type TextLimitName } from '../common/text-limits';
import {
  MEDIATION_METHODS,
  MEDIATION_SESSION_OUTCOMES,
  type MediationMethod,
  type MediationSession,
  type Petition,
} from './types';

export type MediationResult =
  | { readonly ok: true; readonly petition: Petition }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Checks one session as entered; messages name the field. */
export function validateMediationSession(s: MediationSession): string[] {
  const errors: string[] = [];
  const date = parseIsoDate(s.date, '调解日期');
  if (!date.ok) errors.push(date.error);
  if (!s.place.trim()) errors.push('调解地点：请填写');
  if (!MEDIATION_METHODS.includes(s.method)) errors.push(`调解方式：请选择 ${MEDIATION_METHODS.join('、')} 之一`);
  if (s.mediators.filter((m) => m.trim()).length === 0) errors.push('调解员：请至少填写一名调解员');
  if (s.participants.filter((m) => m.trim()).length === 0) errors.push('参加人员：请至少填写一名参加人');
  if (!MEDIATION_SESSION_OUTCOMES.includes(s.outcome)) {
    errors.push(`调解结果：请选择 ${MEDIATION_SESSION_OUTCOMES.join('、')} 之一`);
  }
  const terms = s.agreementTerms.filter((t) => t.trim());
  const agreed = s.outcome === '达成协议' || s.outcome === '部分达成协议';
  if (agreed && terms.length === 0) errors.push('协议条款：调解结果为达成协议时，请逐条填写协议内容');
  if (agreed && !s.respondent.trim()) errors.push('被申请人：达成协议时请填写协议的另一方');
  if (!agreed && terms.length > 0) errors.push('协议条款：未达成协议时不应填写协议条款，请删除或修改调解结果');
  const limit = (label: string, text: string, name: TextLimitName) => {
    const long = checkLimit(label, text.trim(), name);
    if (long) errors.push(long);
  };
  limit('调解地点', s.place, 'place');
  limit('被申请人', s.respondent, 'unitName');
  limit('调解情况', s.notes, 'sessionNotes');
  for (const [i, m] of s.mediators.entries()) limit(`第 ${i + 1} 名调解员`, m, 'personName');
  for (const [i, m] of s.participants.entries()) limit(`参加人员第 ${i + 1} 行`, m, 'participant');
  for (const [i, m] of s.agreementTerms.entries()) limit(`协议条款第 ${i + 1} 条`, m, 'agreementTerm');
  return errors;
}

/**
 * Adds a session to a petition that is being mediated (调处中); the history records it. With
 * `today`, a session dated in the future is refused (a typing slip, or one not held yet).
 */
export function addMediationSession(p: Petition, s: MediationSession, by: string, today?: IsoDate): MediationResult {
  if (p.status !== '调处中') {
    return { ok: false, errors: [`当前状态为「${p.status}」，只有「调处中」的信访件可以登记调解`] };
  }
  const errors = validateMediationSession(s);
  if (!by.trim()) errors.push('经办人：请填写');
  if (p.mediationSessions.some((x) => x.id === s.id)) errors.push(`调解记录编号 ${s.id} 已存在`);
  if (errors.length === 0 && p.mediationStartedOn && compareDates(s.date, p.mediationStartedOn) < 0) {
    errors.push(`调解日期 ${s.date} 早于开始调处日期 ${p.mediationStartedOn}，请检查`);
  }
  if (errors.length === 0 && today !== undefined && compareDates(s.date, today) > 0) {
    errors.push(`调解日期 ${s.date} 晚于今天 ${today}，请登记已经举行的调解`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    petition: {
      ...p,
      mediationSessions: [...p.mediationSessions, s],
      history: [
        ...p.history,
        { date: s.date, by: by.trim(), action: '调解', from: p.status, to: p.status, note: `${s.method}（${s.place}）：${s.outcome}` },
      ],
    },
  };
}

export interface AgreementParty {
  readonly role: '申请人' | '被申请人';
  readonly name: string;
  /** Set when the party is a creditor: the document engine looks up ID number and address. */
  readonly creditorId?: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

/** Everything the 调解协议书 template fills in; the document engine renders it. */
export interface MediationAgreementData {
  readonly title: '调解协议书';
  readonly organization: string;
  readonly method: MediationMethod;
  readonly caseTitle: string | null;
  readonly applicants: readonly AgreementParty[];
  readonly respondent: AgreementParty;
  /** 纠纷主要事实、争议事项: the petition's demands. */
  readonly disputeSummary: string;
  /** Numbered clauses, already numbered as printed (一、二、…). */
  readonly terms: readonly string[];
  readonly mediators: readonly string[];
  readonly place: string;
  readonly date: IsoDate;
  /** As printed: 2026年3月5日. */
  readonly dateText: string;
  /** Copies: one per party plus one for the mediation organization. */
  readonly copies: number;
}

export type AgreementResult =
  | { readonly ok: true; readonly value: MediationAgreementData }
  | { readonly ok: false; readonly errors: readonly string[] };

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function ordinal(n: number): string {
  if (n <= 10) return CHINESE_ORDINALS[n - 1] ?? String(n);
  if (n < 20) return `十${CHINESE_ORDINALS[n - 11] ?? ''}`;
  const tens = CHINESE_ORDINALS[Math.floor(n / 10) - 1] ?? '';
  const ones = n % 10 === 0 ? '' : (CHINESE_ORDINALS[(n % 10) - 1] ?? '');
  return n < 100 ? `${tens}十${ones}` : String(n);
}

/** Builds the agreement data from a petition and the session where agreement was reached. */
export function buildMediationAgreement(
  p: Petition,
  sessionId: string,
  organization: string,
  caseTitle: string | null = null,
): AgreementResult {
  const s = p.mediationSessions.find((x) => x.id === sessionId);
  if (!s) return { ok: false, errors: [`未找到调解记录 ${sessionId}，请先登记调解`] };
  const errors: string[] = [];
  if (s.outcome !== '达成协议' && s.outcome !== '部分达成协议') {
    errors.push(`该次调解结果为「${s.outcome}」，未达成协议，不能生成调解协议书`);
  }
  if (!organization.trim()) errors.push('调解组织：请在设置中填写调解组织名称');
  if (p.petitioners.length === 0) errors.push('信访人：没有信访人，无法列出申请人');
  const terms = s.agreementTerms.map((t) => t.trim()).filter(Boolean);
  if (terms.length === 0) errors.push('协议条款：请先在调解记录中填写协议内容');
  if (!s.respondent.trim()) errors.push('被申请人：请在调解记录中填写');
  if (errors.length > 0) return { ok: false, errors };
  const applicants: AgreementParty[] = p.petitioners.map((x) =>
    x.kind === 'entered'
      ? { role: '申请人', name: x.name, ...(x.idNumber ? { idNumber: x.idNumber } : {}), ...(x.phone ? { phone: x.phone } : {}) }
      : { role: '申请人', name: x.name, creditorId: x.creditorId },
  );
  return {
    ok: true,
    value: {
      title: '调解协议书',
      organization: organization.trim(),
      method: s.method,
      caseTitle,
      applicants,
      respondent: { role: '被申请人', name: s.respondent.trim() },
      disputeSummary: p.demands,
      terms: terms.map((t, i) => `${ordinal(i + 1)}、${t}`),
      mediators: s.mediators.map((m) => m.trim()).filter(Boolean),
      place: s.place.trim(),
      date: s.date,
      dateText: formatDateZh(s.date),
      copies: applicants.length + 2,
    },
  };
}
