// The only writer of clues (线索), their reporters (kept in their own table) and rewards. Every
// step is checked by core/clues, attributed to the signed-in user and audited in the same
// transaction. A reporter's identity never enters a list or the audit log in full: it is masked,
// and shown whole only through revealReporter, which leaves a 'reveal' entry.
import type { WorkingCalendar } from '../../core/calendar/holiday-table';
import { type ClueFormInput, checkClueForm } from '../../core/clues/clue-form';
import { findFirstClue } from '../../core/clues/first-reporter';
import { applyClueEvent, type ClueEvent, newClue, STEP_LABELS } from '../../core/clues/lifecycle';
import { checkRevealPurpose } from '../../core/clues/reveal-purpose';
import {
  checkRewardProposal,
  checkRewardRule,
  computeReward,
  DEFAULT_REWARD_RULE,
  REWARD_SETTINGS_SECTION,
  type Reward,
  type RewardComputation,
  type RewardForm,
  type RewardRule,
} from '../../core/clues/reward';
import {
  CLUE_SETTINGS_SECTION,
  type ClueDeadline,
  type ClueTimeLimits,
  checkClueTimeLimits,
  clueDeadline,
  normalizeClueTimeLimits,
} from '../../core/clues/time-limits';
import type { Clue, ClueReporter, FieldError } from '../../core/clues/types';
import { localIsoDate } from '../../core/common/iso-date';
import { maskIdNumber, maskName, maskPhone } from '../../core/identity/mask';
import { calendarOf, normalizePetitionSettingsSection, PETITION_SETTINGS_SECTION, type PetitionSettingsSection } from '../../core/petitions/settings-section';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';
import { currentActor, currentActorName } from '../session';
import { SettingsRepository } from './settings-repository';

export const CLUE_OPERATOR_MISSING = '经办人未设置：每一步都要记下是谁办的，请先登录或在「设置 → 单位与经办人」中填写经办人姓名';
const GONE = '该线索已不存在，请返回线索台账';

export type ClueRegisterResult =
  | { readonly ok: true; readonly clueId: string; readonly clueNo: string; readonly firstClueId: string | null }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export type ClueStepResult = { readonly ok: true; readonly clue: Clue } | { readonly ok: false; readonly field: string; readonly error: string };

/** The reporter as every screen shows it: masked. */
export interface MaskedReporter {
  readonly name: string;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly hasAddress: boolean;
  readonly isStaff: boolean;
  readonly isParticipant: boolean;
}

export function maskReporter(r: ClueReporter): MaskedReporter {
  return {
    name: maskName(r.name),
    phone: r.phone ? maskPhone(r.phone) : null,
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    hasAddress: r.address !== null,
    isStaff: r.isStaff,
    isParticipant: r.isParticipant,
  };
}

export interface RewardProposal {
  readonly basisFen: number;
  readonly form: RewardForm;
  readonly amountFen: number;
  readonly goods: string;
  readonly overLimitReason: string;
}

export type RewardResult = { readonly ok: true; readonly reward: Reward } | { readonly ok: false; readonly errors: readonly FieldError[] };

export interface OverdueClue {
  readonly clue: Clue;
  readonly deadline: ClueDeadline;
}

export class ClueRepository {
  private readonly settingsRepo: SettingsRepository;

  constructor(private readonly ctx: RepositoryContext) {
    this.settingsRepo = new SettingsRepository(ctx);
  }

  /** Every clue, newest received first. */
  async list(): Promise<Clue[]> {
    const rows = await this.ctx.db.clues.toArray();
    return rows.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.clueNo.localeCompare(a.clueNo, 'zh-CN', { numeric: true }));
  }

  async get(id: string): Promise<Clue | undefined> {
    return this.ctx.db.clues.get(id);
  }

  async timeLimits(): Promise<ClueTimeLimits> {
    const row = await this.ctx.db.settings.get(CLUE_SETTINGS_SECTION);
    return normalizeClueTimeLimits(row?.value as Partial<ClueTimeLimits> | undefined);
  }

  async saveTimeLimits(limits: ClueTimeLimits): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    await requirePermission(this.ctx, 'settings.office', { entity: 'settings', entityId: CLUE_SETTINGS_SECTION });
    const errors = checkClueTimeLimits(limits);
    if (errors.length > 0) return { ok: false, errors };
    await this.settingsRepo.saveSection(CLUE_SETTINGS_SECTION, limits);
    return { ok: true };
  }

  async rewardRule(): Promise<RewardRule> {
    return this.settingsRepo.getSection(REWARD_SETTINGS_SECTION, DEFAULT_REWARD_RULE);
  }

  async saveRewardRule(rule: RewardRule): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    await requirePermission(this.ctx, 'settings.office', { entity: 'settings', entityId: REWARD_SETTINGS_SECTION });
    const errors = checkRewardRule(rule);
    if (errors.length > 0) return { ok: false, errors };
    await this.settingsRepo.saveSection(REWARD_SETTINGS_SECTION, rule);
    return { ok: true };
  }

  /** The working calendar: the holiday table the petition clock uses (设置 → 信访时限). */
  async calendar(): Promise<WorkingCalendar> {
    const row = await this.ctx.db.settings.get(PETITION_SETTINGS_SECTION);
    return calendarOf(normalizePetitionSettingsSection(row?.value as Partial<PetitionSettingsSection> | undefined));
  }

  /** Clues not yet verified whose due date has passed or is near, most overdue first. */
  async overdue(): Promise<OverdueClue[]> {
    const [clues, limits, calendar] = await Promise.all([this.ctx.db.clues.where('status').anyOf(['已登记', '已分派', '核查中']).toArray(), this.timeLimits(), this.calendar()]);
    const today = localIsoDate(this.ctx.now());
    return clues
      .map((clue) => ({ clue, deadline: clueDeadline(clue, limits, calendar, today) }))
      .filter((c) => c.deadline.state === 'overdue' || c.deadline.state === 'due-soon')
      .sort((a, b) => a.deadline.dueOn.localeCompare(b.deadline.dueOn));
  }

  /**
   * Registers a clue with the next 线索编号 of its year; the reporter goes to its own table. A
   * later report of a subject already reported is linked to the first clue (首报认定).
   */
  async register(input: ClueFormInput): Promise<ClueRegisterResult> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'clues', entityId: 'new' });
    const now = this.ctx.now();
    const checked = checkClueForm(input, localIsoDate(now));
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const id = this.ctx.newId();
    const form = checked.value;
    return db.transaction('rw', [db.clues, db.clueReporters, db.clueCounters, db.audit, db.settings], async () => {
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const year = form.receivedOn.slice(0, 4);
      const sequence = (await db.clueCounters.get(year))?.next ?? 1;
      const clueNo = `线索〔${year}〕${sequence}号`;
      const earlier = await db.clues.toArray();
      const firstClueId = findFirstClue(form.subject, form.receivedOn, earlier);
      const clue = newClue(id, clueNo, form, by, firstClueId);
      await db.clues.add(clue);
      await db.clueCounters.put({ id: year, next: sequence + 1 });
      if (form.reporter) await db.clueReporters.add({ ...form.reporter, clueId: id });
      await appendAudit(
        db,
        {
          action: 'create',
          entity: 'clues',
          entityId: id,
          before: null,
          after: { ...clue, reporter: form.reporter ? maskReporter({ ...form.reporter, clueId: id }) : null },
        },
        now,
      );
      return { ok: true as const, clueId: id, clueNo, firstClueId };
    });
  }

  /** One lifecycle step (分派, 核查, 处置, 答复, 办结), dated and attributed. */
  async applyStep(id: string, event: ClueEvent): Promise<ClueStepResult> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'clues', entityId: id, details: { step: STEP_LABELS[event.type] } });
    const now = this.ctx.now();
    const { db } = this.ctx;
    return db.transaction('rw', [db.clues, db.cases, db.audit, db.settings], async () => {
      const before = await db.clues.get(id);
      if (!before) return { ok: false as const, field: 'id', error: GONE };
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, field: 'operator', error: CLUE_OPERATOR_MISSING };
      if (event.type === 'dispose' && event.kind === '立案' && event.caseId && !(await db.cases.get(event.caseId))) {
        return { ok: false as const, field: 'caseId', error: '所选案件已不存在：请重新选择。' };
      }
      const result = applyClueEvent(before, event, by, localIsoDate(now));
      if (!result.ok) return result;
      const after = result.clue;
      await db.clues.put(after);
      await appendAudit(
        db,
        {
          action: event.type === 'close' || event.type === 'dispose' ? 'stage-change' : 'update',
          entity: 'clues',
          entityId: id,
          before: { status: before.status },
          after: { stage: after.status, date: event.date, step: after.history[after.history.length - 1], ...(event.type === 'dispose' ? { disposition: after.disposition } : {}) },
        },
        now,
      );
      return { ok: true as const, clue: after };
    });
  }

  /** The reporter of a clue, masked; null for an anonymous clue. */
  async reporter(clueId: string): Promise<MaskedReporter | null> {
    const r = await this.ctx.db.clueReporters.get(clueId);
    return r ? maskReporter(r) : null;
  }

  /**
   * The reporter in full: a deliberate act, audited ('reveal') before anything is returned. `purpose`
   * says why (typed by the user on the clue's page) or where the identity goes when it leaves the
   * screen (e.g. written into a reward notice); without one nothing is shown.
   */
  async revealReporter(clueId: string, purpose: string): Promise<ClueReporter | null> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'clueReporters', entityId: clueId });
    const refused = checkRevealPurpose(purpose);
    if (refused) throw new Error(refused);
    const { db } = this.ctx;
    return db.transaction('rw', [db.clueReporters, db.clues, db.audit, db.settings], async () => {
      const r = await db.clueReporters.get(clueId);
      if (!r) return null;
      const clue = await db.clues.get(clueId);
      await appendAudit(db, { action: 'reveal', entity: 'clueReporters', entityId: clueId, before: null, after: { clueNo: clue?.clueNo ?? '', name: maskName(r.name), purpose: purpose.trim() } }, this.ctx.now());
      return r;
    });
  }

  async rewards(): Promise<Reward[]> {
    const rows = await this.ctx.db.clueRewards.toArray();
    return rows.sort((a, b) => b.proposedOn.localeCompare(a.proposedOn) || a.id.localeCompare(b.id));
  }

  /** What the office's rule gives for a clue with this basis amount (nothing stored). */
  async computeRewardFor(clueId: string, basisFen: number): Promise<RewardComputation> {
    const { db } = this.ctx;
    const [clue, reporter, rule] = await Promise.all([db.clues.get(clueId), db.clueReporters.get(clueId), this.rewardRule()]);
    if (!clue) return { eligible: false, reason: GONE };
    return computeReward(rule, {
      clueNo: clue.clueNo,
      verifyResult: clue.verifyResult,
      basisFen,
      anonymous: clue.anonymous,
      reporterIsStaff: reporter?.isStaff ?? false,
      reporterIsParticipant: reporter?.isParticipant ?? false,
      firstClueId: clue.firstClueId,
    });
  }

  /** Proposes a reward for a verified clue; over the rule's limit only with a recorded reason. */
  async proposeReward(clueId: string, p: RewardProposal): Promise<RewardResult> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'clueRewards', entityId: clueId });
    const computed = await this.computeRewardFor(clueId, p.basisFen);
    if (!computed.eligible) return { ok: false, errors: [{ field: 'clue', message: computed.reason }] };
    const rule = await this.rewardRule();
    const errors = checkRewardProposal(rule, p);
    if (errors.length > 0) return { ok: false, errors };
    const { db } = this.ctx;
    const now = this.ctx.now();
    const id = this.ctx.newId();
    return db.transaction('rw', [db.clueRewards, db.audit, db.settings], async () => {
      const existing = await db.clueRewards.where('clueId').equals(clueId).toArray();
      if (existing.some((r) => r.status !== '已驳回')) return { ok: false as const, errors: [{ field: 'clue', message: '这条线索已有奖励记录：一条线索只奖励一次。' }] };
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const reward: Reward = {
        id,
        clueId,
        status: '已提出',
        form: p.form,
        amountFen: p.amountFen,
        goods: p.form === 'goods' ? p.goods.trim() : null,
        ruleAmountFen: computed.rewardFen,
        tier: computed.tier,
        overLimitReason: p.amountFen > rule.limitFen ? p.overLimitReason.trim() : null,
        explanation: computed.explanation,
        proposedOn: localIsoDate(now),
        proposedBy: by,
        approvedOn: null,
        approvedBy: null,
        paidOn: null,
        paidBy: null,
        paymentNote: null,
      };
      await db.clueRewards.add(reward);
      await appendAudit(db, { action: 'create', entity: 'clueRewards', entityId: id, before: null, after: reward }, now);
      return { ok: true as const, reward };
    });
  }

  /** Approval by someone other than the proposer (an approver). */
  async approveReward(id: string): Promise<RewardResult> {
    await requirePermission(this.ctx, 'clues.rewardApprove', { entity: 'clueRewards', entityId: id });
    return this.rewardStep(id, '已提出', async (r, by, today) => {
      const actor = await currentActor(this.ctx.db);
      if (actor.kind === 'user' && by === r.proposedBy) return '批准人不能是提出奖励的人：请由另一位审批人批准。';
      return { ...r, status: '已批准', approvedOn: today, approvedBy: by };
    });
  }

  async rejectReward(id: string, reason: string): Promise<RewardResult> {
    await requirePermission(this.ctx, 'clues.rewardApprove', { entity: 'clueRewards', entityId: id });
    if (reason.trim() === '') return { ok: false, errors: [{ field: 'reason', message: '驳回理由未填写：请写明为什么不予批准。' }] };
    return this.rewardStep(id, '已提出', async (r, by, today) => ({ ...r, status: '已驳回', approvedOn: today, approvedBy: by, paymentNote: reason.trim() }));
  }

  /** Paid: the date and how (cash receipt no., goods handed over). */
  async payReward(id: string, paidOn: string, note: string): Promise<RewardResult> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'clueRewards', entityId: id });
    return this.rewardStep(id, '已批准', async (r, by, today) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn) || paidOn > today) return '发放日期有误：请填写不晚于今天的日期（YYYY-MM-DD）。';
      if (r.approvedOn && paidOn < r.approvedOn) return `发放日期 ${paidOn} 早于批准日期 ${r.approvedOn}：请核对。`;
      if (note.trim() === '') return '发放情况未填写：请写明领取人签收、收据号或实物交接情况。';
      return { ...r, status: '已发放', paidOn, paidBy: by, paymentNote: note.trim() };
    });
  }

  private async rewardStep(id: string, from: Reward['status'], step: (r: Reward, by: string, today: string) => Promise<Reward | string>): Promise<RewardResult> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction('rw', [db.clueRewards, db.audit, db.settings], async () => {
      const before = await db.clueRewards.get(id);
      if (!before) return { ok: false as const, errors: [{ field: 'id', message: '该奖励记录已不存在。' }] };
      if (before.status !== from) return { ok: false as const, errors: [{ field: 'status', message: `奖励当前为“${before.status}”，不能执行这一步。` }] };
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const after = await step(before, by, localIsoDate(now));
      if (typeof after === 'string') return { ok: false as const, errors: [{ field: 'status', message: after }] };
      await db.clueRewards.put(after);
      await appendAudit(db, { action: after.status === '已批准' ? 'approve' : 'update', entity: 'clueRewards', entityId: id, before: { status: before.status }, after: { status: after.status, date: after.paidOn ?? after.approvedOn } }, now);
      return { ok: true as const, reward: after };
    });
  }
}
