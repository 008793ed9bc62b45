// Helpers that build petitions the way the app does: registration, then workflow events.
import { buildWorkingCalendar } from '../../../../renderer/src/core/calendar/holiday-table';
import { CHINA_HOLIDAYS_2025_2026 } from '../../../../renderer/src/core/calendar/holidays-cn';
import { DEFAULT_PETITION_DEADLINE_SETTINGS } from '../../../../renderer/src/core/petitions/deadline-settings';
import type { Petition, PetitionForm, PetitionLevel } from '../../../../renderer/src/core/petitions/types';
import { registerPetition, validatePetitionForm } from '../../../../renderer/src/core/petitions/validation';
import {
  applyPetitionEvents,
  type PetitionEvent,
  type WorkflowContext,
} from '../../../../renderer/src/core/petitions/workflow';

export const settings = DEFAULT_PETITION_DEADLINE_SETTINGS;
export const calendar = buildWorkingCalendar(CHINA_HOLIDAYS_2025_2026);
export const ctx: WorkflowContext = { settings, calendar, today: '2030-01-01' };

export interface MakeOptions {
  readonly persons?: number;
  readonly level?: PetitionLevel;
  readonly caseId?: string | null;
  readonly handler?: string;
}

export function make(id: string, receivedOn: string, o: MakeOptions = {}): Petition {
  const persons = o.persons ?? 1;
  const form: PetitionForm = persons > 1 ? 'collective' : 'individual';
  // Through the form validation, so a fixture can never hold a petition the app would refuse.
  const checked = validatePetitionForm(
    {
      receivedOn,
      channel: '来访',
      level: o.level ?? '到市',
      form,
      personCount: persons,
      petitioners: [{ kind: 'entered', name: `信访人${id}` }],
      caseId: o.caseId ?? null,
      demands: '要求退还投资本金',
      urgency: '一般',
      handler: o.handler ?? '李调解',
    },
    '2030-01-01',
  );
  if (!checked.ok) throw new Error(`fixture ${id}: ${checked.errors.map((e) => e.message).join('; ')}`);
  return registerPetition(checked.value, id, '登记员');
}

/** Applies events that must all succeed (a fixture mistake fails loudly). */
export function run(p: Petition, events: readonly PetitionEvent[]): Petition {
  const r = applyPetitionEvents(p, events, ctx);
  if (!r.ok) throw new Error(`fixture ${p.id}: ${r.error}`);
  return r.petition;
}

const by = '李调解';
export const accept = (date: string): PetitionEvent => ({ type: 'accept', date, by });
export const reject = (date: string, reason = '不属于本机关职责范围'): PetitionEvent => ({ type: 'reject', date, by, reason });
export const mediate = (date: string): PetitionEvent => ({ type: 'startMediation', date, by });
export const outcome = (date: string, o: '化解' | '部分化解' | '未化解'): PetitionEvent => ({
  type: 'recordOutcome',
  date,
  by,
  outcome: o,
});
export const close = (date: string): PetitionEvent => ({ type: 'close', date, by });
export const followUp = (date: string, satisfaction: '满意' | '基本满意' | '不满意'): PetitionEvent => ({
  type: 'followUp',
  date,
  by,
  satisfaction,
  note: '电话回访',
});
export const extend = (date: string, days: number): Extract<PetitionEvent, { type: 'extend' }> => ({
  type: 'extend',
  date,
  by,
  approver: '王主任',
  days,
  reason: '涉案资产尚在处置',
});
export const transfer = (date: string, toUnit = '某区信访局'): Extract<PetitionEvent, { type: 'transfer' }> => ({
  type: 'transfer',
  date,
  by,
  toUnit,
  reason: '属地管辖',
});
