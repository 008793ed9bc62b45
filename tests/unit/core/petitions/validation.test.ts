import { describe, expect, it } from 'vitest';
import {
  type PetitionFormInput,
  registerPetition,
  validatePetitionForm,
} from '../../../../renderer/src/core/petitions/validation';

const good: PetitionFormInput = {
  registerNo: ' 威信〔2026〕12号 ',
  receivedOn: '2026-03-02',
  channel: '来访',
  level: '到市',
  form: 'collective',
  personCount: '3',
  petitioners: [
    { kind: 'creditor', creditorId: 'cr-1', name: '王喆 ' },
    { kind: 'entered', name: '陈赟' },
  ],
  caseId: 'case-1',
  demands: ' 要求尽快清退 ',
  urgency: '紧急',
  handler: '李调解',
};

describe('validatePetitionForm', () => {
  it('accepts a complete form, trimming text and converting the person count', () => {
    const r = validatePetitionForm(good, '2026-03-02');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.personCount).toBe(3);
    expect(r.value.demands).toBe('要求尽快清退');
    expect(r.value.registerNo).toBe('威信〔2026〕12号');
    expect(r.value.petitioners[0]?.name).toBe('王喆');
    const p = registerPetition(r.value, 'p1', '登记员');
    expect(p.status).toBe('登记');
    expect(p.history).toEqual([
      { date: '2026-03-02', by: '登记员', action: '登记', from: null, to: '登记', note: '来访，到市，集体 3 人' },
    ]);
  });

  it('names each bad field in Chinese', () => {
    const r = validatePetitionForm(
      {
        receivedOn: '2026-02-30',
        channel: '微信',
        level: '到国',
        form: 'group',
        personCount: '2.5',
        petitioners: [{ kind: 'entered', name: ' ' }],
        caseId: null,
        demands: '',
        urgency: '很急',
        handler: '',
      },
      '2026-03-02',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'receivedOn',
      'channel',
      'level',
      'urgency',
      'form',
      'personCount',
      'petitioners[0].name',
      'demands',
      'handler',
    ]);
    expect(r.errors[0]?.message).toBe('收到日期「2026-02-30」不存在：2026年2月只有 28 天');
    expect(r.errors[1]?.message).toBe('信访渠道：请选择 来访、来信、网上信访、电话/12345、领导批办、上级转办 之一');
    expect(r.errors[5]?.message).toBe('人数「2.5」不是 1 以上的整数：请填写 1 以上的整数');
  });

  it('checks the person count against the form and the list of petitioners', () => {
    const errs = (input: Partial<PetitionFormInput>) => {
      const r = validatePetitionForm({ ...good, ...input }, '2026-03-02');
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(errs({ form: 'individual', personCount: 3 })).toEqual(['个人信访的人数应为 1；3 人同来请把信访形式改为「集体」']);
    expect(errs({ personCount: 1 })).toEqual([
      '集体信访至少 2 人；1 人请把信访形式改为「个人」',
      '信访人名单有 2 人，多于人数 1：请改正人数或删去多余的信访人',
    ]);
    expect(errs({ personCount: 0 })).toEqual(['人数「0」不是 1 以上的整数：请填写 1 以上的整数']);
    expect(errs({ personCount: '-3' })).toEqual(['人数不能为负数（填写的是 -3）：请填写 1 以上的整数']);
    expect(errs({ personCount: '' })).toEqual(['人数：请填写本批信访的人数（个人信访为 1）']);
    expect(errs({ personCount: 100000 })).toEqual(['人数 100000 超过 10000，请核对是否多打了位数']);
    expect(errs({ petitioners: [] })).toEqual(['信访人：请至少填写一名信访人（集体访可只填代表）']);
  });

  it('refuses a future received date, duplicate creditors and creditors without a case', () => {
    const future = validatePetitionForm({ ...good, receivedOn: '2026-03-03' }, '2026-03-02');
    expect(future.ok ? [] : future.errors).toEqual([
      { field: 'receivedOn', message: '收到日期 2026-03-03 晚于今天 2026-03-02，请检查日期' },
    ]);
    const dup = validatePetitionForm(
      {
        ...good,
        petitioners: [
          { kind: 'creditor', creditorId: 'cr-1', name: '王喆' },
          { kind: 'creditor', creditorId: 'cr-1', name: '王喆' },
        ],
        caseId: null,
      },
      '2026-03-02',
    );
    expect(dup.ok ? [] : dup.errors.map((e) => e.message)).toEqual([
      '信访人名单中有同一名集资参与人重复出现，请删去重复项',
      '信访人选自案件的集资参与人，请同时选择关联案件',
    ]);
  });
});
