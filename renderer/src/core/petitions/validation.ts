// The petition registration form (信访登记表): validation with one Chinese message per field,
// and registration (the first history entry).
import { compareDates, type IsoDate, parseIsoDate } from '../calendar/iso-date';
import { checkLimit } from '../common/text-limits';
import { checkPhone } from '../identity/phone';
import {
  PETITION_CHANNELS,
  PETITION_FORM_LABELS,
  PETITION_FORMS,
  PETITION_LEVELS,
  PETITION_URGENCIES,
  type Petition,
  type PetitionChannel,
  type Petitioner,
  type PetitionForm,
  type PetitionLevel,
  type PetitionUrgency,
} from './types';

/** What the form holds: strings as typed or chosen, person count possibly still text. */
export interface PetitionFormInput {
  readonly registerNo?: string;
  readonly receivedOn: string;
  readonly channel: string;
  readonly level: string;
  readonly form: string;
  readonly personCount: number | string;
  readonly petitioners: readonly Petitioner[];
  readonly caseId: string | null;
  readonly demands: string;
  readonly urgency: string;
  readonly handler: string;
}

/** The registration facts of a petition, checked; the workflow fields come with registration. */
export type PetitionFormValue = Pick<
  Petition,
  'registerNo' | 'receivedOn' | 'channel' | 'level' | 'form' | 'personCount' | 'petitioners' | 'caseId' | 'demands' | 'urgency' | 'handler'
>;

export interface FieldError {
  /** The form field (key of PetitionFormInput, or petitioners[i].name). */
  readonly field: string;
  readonly message: string;
}

export type PetitionFormResult =
  | { readonly ok: true; readonly value: PetitionFormValue }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** The largest batch the form accepts; a larger number is almost surely a typing slip. */
export const MAX_PERSONS_PER_BATCH = 10_000;

function oneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

/** `today` rejects a received date in the future. */
export function validatePetitionForm(input: PetitionFormInput, today: IsoDate): PetitionFormResult {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });

  const received = parseIsoDate(input.receivedOn, '收到日期');
  if (!input.receivedOn.trim()) err('receivedOn', '收到日期：请填写收到信访件的日期');
  else if (!received.ok) err('receivedOn', received.error);
  else if (compareDates(received.value, today) > 0) {
    err('receivedOn', `收到日期 ${received.value} 晚于今天 ${today}，请检查日期`);
  }
  if (!oneOf(PETITION_CHANNELS, input.channel)) {
    err('channel', `信访渠道：请选择 ${PETITION_CHANNELS.join('、')} 之一`);
  }
  if (!oneOf(PETITION_LEVELS, input.level)) err('level', `信访层级：请选择 ${PETITION_LEVELS.join('、')} 之一`);
  if (!oneOf(PETITION_URGENCIES, input.urgency)) {
    err('urgency', `紧急程度：请选择 ${PETITION_URGENCIES.join('、')} 之一`);
  }
  const formOk = oneOf(PETITION_FORMS, input.form);
  if (!formOk) err('form', '信访形式：请选择「个人」或「集体」');

  const countText = String(input.personCount).trim();
  const count = /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
  if (countText === '') err('personCount', '人数：请填写本批信访的人数（个人信访为 1）');
  else if (/^[-－−]\s*\d/.test(countText)) err('personCount', `人数不能为负数（填写的是 ${countText}）：请填写 1 以上的整数`);
  else if (!Number.isSafeInteger(count) || count < 1) {
    err('personCount', `人数「${countText}」不是 1 以上的整数：请填写 1 以上的整数`);
  } else if (count > MAX_PERSONS_PER_BATCH) {
    err('personCount', `人数 ${count} 超过 ${MAX_PERSONS_PER_BATCH}，请核对是否多打了位数`);
  } else if (formOk && input.form === 'individual' && count !== 1) {
    err('personCount', `个人信访的人数应为 1；${count} 人同来请把信访形式改为「集体」`);
  } else if (formOk && input.form === 'collective' && count < 2) {
    err('personCount', '集体信访至少 2 人；1 人请把信访形式改为「个人」');
  }

  if (input.petitioners.length === 0) err('petitioners', '信访人：请至少填写一名信访人（集体访可只填代表）');
  for (const [i, p] of input.petitioners.entries()) {
    if (!p.name.trim()) err(`petitioners[${i}].name`, `第 ${i + 1} 名信访人：请填写姓名`);
    const nameLong = checkLimit('姓名', p.name.trim(), 'personName');
    if (nameLong) err(`petitioners[${i}].name`, `第 ${i + 1} 名信访人：${nameLong}`);
    if (p.kind === 'entered' && p.phone?.trim()) {
      const phone = checkPhone(p.phone);
      if (!phone.ok) err(`petitioners[${i}].phone`, `第 ${i + 1} 名信访人：${phone.message}`);
    }
    if (p.kind === 'creditor' && !p.creditorId.trim()) {
      err(`petitioners[${i}].creditorId`, `第 ${i + 1} 名信访人：请从案件的集资参与人中选择，或改为手工录入`);
    }
  }
  if (Number.isSafeInteger(count) && count >= 1 && input.petitioners.length > count) {
    err('petitioners', `信访人名单有 ${input.petitioners.length} 人，多于人数 ${count}：请改正人数或删去多余的信访人`);
  }
  const ids = input.petitioners.flatMap((p) => (p.kind === 'creditor' ? [p.creditorId] : []));
  if (new Set(ids).size !== ids.length) err('petitioners', '信访人名单中有同一名集资参与人重复出现，请删去重复项');
  if (input.caseId === null && input.petitioners.some((p) => p.kind === 'creditor')) {
    err('caseId', '信访人选自案件的集资参与人，请同时选择关联案件');
  }
  if (!input.demands.trim()) err('demands', '诉求：请填写信访人的诉求');
  const demandsLong = checkLimit('诉求', input.demands.trim(), 'demands');
  if (demandsLong) err('demands', demandsLong);
  if (!input.handler.trim()) err('handler', '承办人：请填写承办人或调解员');
  const handlerLong = checkLimit('承办人', input.handler.trim(), 'personName');
  if (handlerLong) err('handler', handlerLong);

  if (errors.length > 0) return { ok: false, errors };
  const registerNo = input.registerNo?.trim();
  return {
    ok: true,
    value: {
      ...(registerNo ? { registerNo } : {}),
      receivedOn: input.receivedOn.trim(),
      channel: input.channel as PetitionChannel,
      level: input.level as PetitionLevel,
      form: input.form as PetitionForm,
      personCount: count,
      petitioners: input.petitioners.map(cleanPetitioner),
      caseId: input.caseId,
      demands: input.demands.trim(),
      urgency: input.urgency as PetitionUrgency,
      handler: input.handler.trim(),
    },
  };
}

/** Trimmed name; a phone normalized (mobile as 11 digits) or dropped when blank. */
function cleanPetitioner(p: Petitioner): Petitioner {
  if (p.kind === 'creditor') return { ...p, name: p.name.trim() };
  const { phone: raw, ...rest } = p;
  const phone = raw?.trim() ? checkPhone(raw) : null;
  return { ...rest, name: p.name.trim(), ...(phone?.ok ? { phone: phone.phone } : {}) };
}

/** A new petition in state 登记, dated on its received date and attributed to `by`. */
export function registerPetition(value: PetitionFormValue, id: string, by: string): Petition {
  return {
    ...value,
    id,
    status: '登记',
    mediationSessions: [],
    history: [
      {
        date: value.receivedOn,
        by,
        action: '登记',
        from: null,
        to: '登记',
        note: `${value.channel}，${value.level}，${PETITION_FORM_LABELS[value.form]} ${value.personCount} 人`,
      },
    ],
  };
}
