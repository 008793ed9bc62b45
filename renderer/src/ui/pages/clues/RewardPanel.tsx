import { Button, Callout, Card, Checkbox, HTMLSelect, InputGroup, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { type Clue, REWARD_NOTICE_TEMPLATE_ID, type Reward, type RewardComputation, type RewardForm, rewardNoticeData } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData } from '../../../core/documents';
import { formatFen, parseMoneyToFen } from '../../../core/money';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import { NoticeDocumentDialog } from './NoticeDocumentDialog';

/** The reward of one clue: computed from the office's rule, proposed, then approved and paid (RewardsView). */
export function RewardPanel({ clue, rewards, onChanged }: { readonly clue: Clue; readonly rewards: readonly Reward[]; readonly onChanged: () => void }) {
  const { repos, can, settings } = useApp();
  const [notice, setNotice] = useState<DocumentData | null>(null);
  const [withIdentity, setWithIdentity] = useState(false);
  const [noticeMessage, setNoticeMessage] = useState<string | null>(null);
  const [basis, setBasis] = useState('');
  const [computed, setComputed] = useState<RewardComputation | null>(null);
  const [form, setForm] = useState<RewardForm>('cash');
  const [amount, setAmount] = useState('');
  const [goods, setGoods] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const current = rewards.find((r) => r.status !== '已驳回');
  const compute = async () => {
    const fen = parseMoneyToFen(basis);
    if (!fen.ok) return setErrors([`计算依据金额：${fen.message}`]);
    setErrors([]);
    const c = await repos.clues.computeRewardFor(clue.id, fen.fen);
    setComputed(c);
    if (c.eligible) setAmount(formatFen(c.rewardFen).replace(/,/g, ''));
  };
  const propose = async () => {
    const b = parseMoneyToFen(basis);
    const a = parseMoneyToFen(amount);
    if (!b.ok || !a.ok) return setErrors([!b.ok ? `计算依据金额：${b.message}` : '', !a.ok ? `奖励金额：${(a as { message: string }).message}` : ''].filter(Boolean));
    try {
      const r = await repos.clues.proposeReward(clue.id, { basisFen: b.fen, form, amountFen: a.fen, goods, overLimitReason: reason });
      if (r.ok) {
        setErrors([]);
        onChanged();
      } else setErrors(r.errors.map((e) => e.message));
    } catch (e) {
      setErrors([e instanceof Error ? e.message : String(e)]);
    }
  };
  // The notice names the reporter only when the user ticks the box: the reveal is audited first.
  const openNotice = async (reward: Reward) => {
    try {
      const rule = await repos.clues.rewardRule();
      const reporter = withIdentity ? await repos.clues.revealReporter(clue.id, '写入举报奖励通知书') : null;
      const office = { officeName: settings.officeName, operatorName: settings.operatorName, today: localIsoDate(new Date()) };
      setNotice(rewardNoticeData(clue, reward, rule, office, reporter?.name ?? null));
    } catch (e) {
      setErrors([e instanceof Error ? e.message : String(e)]);
    }
  };
  const issuable = current && (current.status === '已批准' || current.status === '已发放') ? current : null;
  return (
    <Card data-testid="reward-panel">
      <h3>举报奖励</h3>
      {noticeMessage && <Callout intent="success" data-testid="reward-notice-message">{noticeMessage}</Callout>}
      {issuable && errors.length > 0 && <Callout intent="danger" data-testid="reward-errors">{errors.map((e) => (<div key={e}>{e}</div>))}</Callout>}
      {current ? (
        <dl className="clue-facts">
          <dt>状态</dt><dd><Tag intent={current.status === '已发放' ? 'success' : 'none'}>{current.status}</Tag></dd>
          <dt>方式</dt><dd>{current.form === 'cash' ? '现金' : `实物：${current.goods}`}</dd>
          <dt>金额/价值</dt><dd>{formatFen(current.amountFen)} 元（按办法 {formatFen(current.ruleAmountFen)} 元，第 {current.tier} 档）</dd>
          {current.overLimitReason && (<><dt>超限理由</dt><dd>{current.overLimitReason}</dd></>)}
          <dt>依据</dt><dd>{current.explanation}</dd>
          <dt>提出</dt><dd>{current.proposedOn}（{current.proposedBy}）</dd>
          {current.approvedOn && (<><dt>批准</dt><dd>{current.approvedOn}（{current.approvedBy}）</dd></>)}
          {current.paidOn && (<><dt>发放</dt><dd>{current.paidOn}（{current.paidBy}）：{current.paymentNote}</dd></>)}
        </dl>
      ) : null}
      {issuable && (
        <div className="clue-notice-actions">
          {clue.hasReporter && (
            <Checkbox
              checked={withIdentity}
              onChange={(e) => setWithIdentity(e.currentTarget.checked)}
              label="通知书写明举报人姓名（将查看举报人身份并记入审计日志）"
            />
          )}
          <Button icon="document" text="生成奖励通知书" disabled={!can('documents.draft')} onClick={() => void openNotice(issuable)} />
        </div>
      )}
      {current ? null : (
        <>
          {errors.length > 0 && (
            <Callout intent="danger" data-testid="reward-errors">
              {errors.map((e) => (<div key={e}>{e}</div>))}
            </Callout>
          )}
          <FieldRow label="计算依据金额（元）" labelFor="reward-basis" hint="按奖励办法：涉案金额或追回金额">
            <InputGroup id="reward-basis" value={basis} onValueChange={setBasis} />
          </FieldRow>
          <Button text="按奖励办法计算" onClick={() => void compute()} />
          {computed && (computed.eligible ? <Callout intent="primary">{computed.explanation}</Callout> : <Callout intent="warning">{computed.reason}</Callout>)}
          {computed?.eligible && (
            <>
              <FieldRow label="奖励方式" labelFor="reward-form">
                <HTMLSelect id="reward-form" value={form} onChange={(e) => setForm(e.currentTarget.value as RewardForm)}>
                  <option value="cash">现金</option>
                  <option value="goods">实物</option>
                </HTMLSelect>
              </FieldRow>
              {form === 'goods' && (
                <FieldRow label="实物名称和数量" labelFor="reward-goods">
                  <InputGroup id="reward-goods" value={goods} onValueChange={setGoods} />
                </FieldRow>
              )}
              <FieldRow label={form === 'cash' ? '奖励金额（元）' : '实物价值（元）'} labelFor="reward-amount">
                <InputGroup id="reward-amount" value={amount} onValueChange={setAmount} />
              </FieldRow>
              <FieldRow label="超出上限的理由" labelFor="reward-reason" hint="仅在超过奖励办法上限时填写">
                <InputGroup id="reward-reason" value={reason} onValueChange={setReason} />
              </FieldRow>
              <Button intent="primary" text="提出奖励" disabled={!can('clues.write')} onClick={() => void propose()} />
            </>
          )}
        </>
      )}
      <NoticeDocumentDialog
        templateId={REWARD_NOTICE_TEMPLATE_ID}
        initial={notice}
        caseId={clue.disposition?.caseId ?? null}
        source={{ kind: 'clue', id: clue.id, label: clue.clueNo }}
        formKey={`document:new:reward-notice:${current?.id ?? clue.id}:${withIdentity ? 'named' : 'masked'}`}
        onClose={(m) => {
          setNotice(null);
          setNoticeMessage(m);
        }}
      />
    </Card>
  );
}
