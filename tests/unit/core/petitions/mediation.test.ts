import { describe, expect, it } from 'vitest';
import { addMediationSession, buildMediationAgreement } from '../../../../renderer/src/core/petitions/mediation';
import type { MediationSession, Petition } from '../../../../renderer/src/core/petitions/types';
import { accept, make, mediate, run } from './fixtures';

const session: MediationSession = {
  id: 's1',
  date: '2026-03-20',
  place: '市非法集资案件诉讼纠纷受理调处中心第一调解室',
  method: '人民调解',
  mediators: ['李调解', '赵律师'],
  participants: ['王喆（信访人）', '某某养老服务有限公司清算组代理人刘堃'],
  respondent: '某某养老服务有限公司清算组',
  notes: '双方就分期退还本金达成一致',
  outcome: '达成协议',
  agreementTerms: ['被申请人于2026年6月30日前退还申请人本金人民币伍万元整', '申请人不再就同一事项信访'],
};

function mediating(): Petition {
  const p = make('p1', '2026-03-02', { persons: 2 });
  const withPeople: Petition = {
    ...p,
    petitioners: [
      { kind: 'creditor', creditorId: 'cr-9', name: '王喆' },
      { kind: 'entered', name: '陈赟', phone: '13800000000' },
    ],
  };
  return run(withPeople, [accept('2026-03-05'), mediate('2026-03-06')]);
}

describe('mediation sessions', () => {
  it('adds a session to a petition under mediation and records it in the history', () => {
    const r = addMediationSession(mediating(), session, '李调解');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.petition.mediationSessions).toEqual([session]);
    expect(r.petition.status).toBe('调处中');
    expect(r.petition.history.at(-1)).toEqual({
      date: '2026-03-20',
      by: '李调解',
      action: '调解',
      from: '调处中',
      to: '调处中',
      note: '人民调解（市非法集资案件诉讼纠纷受理调处中心第一调解室）：达成协议',
    });
  });

  it('refuses a session before mediation started or outside 调处中', () => {
    expect(addMediationSession(make('p2', '2026-03-02'), session, '李调解')).toEqual({
      ok: false,
      errors: ['当前状态为「登记」，只有「调处中」的信访件可以登记调解'],
    });
    expect(addMediationSession(mediating(), { ...session, date: '2026-03-01' }, '李调解')).toEqual({
      ok: false,
      errors: ['调解日期 2026-03-01 早于开始调处日期 2026-03-06，请检查'],
    });
  });

  it('names every missing or contradictory field', () => {
    const bad: MediationSession = {
      ...session,
      date: '2026-3-20',
      place: ' ',
      mediators: [],
      participants: [''],
      agreementTerms: [],
    };
    const r = addMediationSession(mediating(), bad, '');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '调解日期「2026-3-20」格式不对：请写成 年-月-日，如 2026-03-05',
      '调解地点：请填写',
      '调解员：请至少填写一名调解员',
      '参加人员：请至少填写一名参加人',
      '协议条款：调解结果为达成协议时，请逐条填写协议内容',
      '经办人：请填写',
    ]);
    const termsWithoutAgreement = addMediationSession(mediating(), { ...session, outcome: '未达成协议' }, '李调解');
    expect(termsWithoutAgreement).toEqual({
      ok: false,
      errors: ['协议条款：未达成协议时不应填写协议条款，请删除或修改调解结果'],
    });
  });
});

describe('buildMediationAgreement (data for the 调解协议书)', () => {
  it('fills parties, numbered terms, mediators, place and the printed date', () => {
    const r = addMediationSession(mediating(), session, '李调解');
    if (!r.ok) throw new Error(r.errors.join());
    const a = buildMediationAgreement(r.petition, 's1', '威海市人民调解委员会', '某某养老服务有限公司涉嫌非法吸收公众存款案');
    expect(a).toEqual({
      ok: true,
      value: {
        title: '调解协议书',
        organization: '威海市人民调解委员会',
        method: '人民调解',
        caseTitle: '某某养老服务有限公司涉嫌非法吸收公众存款案',
        applicants: [
          { role: '申请人', name: '王喆', creditorId: 'cr-9' },
          { role: '申请人', name: '陈赟', phone: '13800000000' },
        ],
        respondent: { role: '被申请人', name: '某某养老服务有限公司清算组' },
        disputeSummary: '要求退还投资本金',
        terms: ['一、被申请人于2026年6月30日前退还申请人本金人民币伍万元整', '二、申请人不再就同一事项信访'],
        mediators: ['李调解', '赵律师'],
        place: '市非法集资案件诉讼纠纷受理调处中心第一调解室',
        date: '2026-03-20',
        dateText: '2026年3月20日',
        copies: 4,
      },
    });
  });

  it('numbers clauses past ten in Chinese', () => {
    const terms = Array.from({ length: 12 }, (_, i) => `条款${i + 1}`);
    const r = addMediationSession(mediating(), { ...session, agreementTerms: terms }, '李调解');
    if (!r.ok) throw new Error(r.errors.join());
    const a = buildMediationAgreement(r.petition, 's1', '调委会');
    expect(a.ok && a.value.terms.slice(9)).toEqual(['十、条款10', '十一、条款11', '十二、条款12']);
  });

  it('refuses a session without agreement or an unknown session', () => {
    const r = addMediationSession(mediating(), { ...session, outcome: '未达成协议', agreementTerms: [] }, '李调解');
    if (!r.ok) throw new Error(r.errors.join());
    expect(buildMediationAgreement(r.petition, 's1', '调委会')).toEqual({
      ok: false,
      errors: ['该次调解结果为「未达成协议」，未达成协议，不能生成调解协议书', '协议条款：请先在调解记录中填写协议内容'],
    });
    expect(buildMediationAgreement(r.petition, 'nope', '调委会')).toEqual({
      ok: false,
      errors: ['未找到调解记录 nope，请先登记调解'],
    });
  });
});
