import { Button, Callout, HTMLTable, InputGroup, NonIdealState, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import type { Clue, Reward } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import { formatFen } from '../../../core/money';
import { useApp } from '../../app/app-context';

/** Every reward: approve (审批人, not the proposer), reject with a reason, record the payment. */
export function RewardsView({ open }: { readonly open: (clueId: string) => void }) {
  const { repos, can } = useApp();
  const [rewards, setRewards] = useState<Reward[] | null>(null);
  const [clues, setClues] = useState<Map<string, Clue>>(new Map());
  const [note, setNote] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const [r, c] = await Promise.all([repos.clues.rewards(), repos.clues.list()]);
    setRewards(r);
    setClues(new Map(c.map((x) => [x.id, x])));
  }, [repos]);
  useEffect(() => {
    void load();
  }, [load]);
  const run = async (p: Promise<{ ok: boolean; errors?: readonly { message: string }[] }>) => {
    try {
      const r = await p;
      setError(r.ok ? null : (r.errors ?? []).map((e) => e.message).join('；'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    await load();
  };
  if (!rewards) return <p className="muted">读取中…</p>;
  if (rewards.length === 0) return <NonIdealState icon="dollar" title="还没有举报奖励" description="在已核查属实的线索页面按奖励办法计算并提出奖励。" />;
  const paid = rewards.filter((r) => r.status === '已发放');
  return (
    <div>
      {error && <Callout intent="danger">{error}</Callout>}
      <p>
        已发放 {paid.length} 笔：现金 {paid.filter((r) => r.form === 'cash').length} 笔 {formatFen(paid.filter((r) => r.form === 'cash').reduce((s, r) => s + r.amountFen, 0))} 元，实物 {paid.filter((r) => r.form === 'goods').length} 笔价值{' '}
        {formatFen(paid.filter((r) => r.form === 'goods').reduce((s, r) => s + r.amountFen, 0))} 元
      </p>
      <HTMLTable compact striped className="full-width">
        <thead>
          <tr><th>线索</th><th>方式</th><th>金额/价值（元）</th><th>状态</th><th>提出</th><th>办理</th></tr>
        </thead>
        <tbody>
          {rewards.map((r) => (
            <tr key={r.id}>
              <td><a href={`#/clues/${encodeURIComponent(r.clueId)}`} onClick={(e) => { e.preventDefault(); open(r.clueId); }}>{clues.get(r.clueId)?.clueNo ?? r.clueId}</a></td>
              <td>{r.form === 'cash' ? '现金' : `实物：${r.goods}`}</td>
              <td className="num">{formatFen(r.amountFen)}{r.overLimitReason && <Tag minimal intent="warning" className="inline-tag" title={r.overLimitReason}>超上限</Tag>}</td>
              <td><Tag minimal>{r.status}</Tag></td>
              <td>{r.proposedOn} {r.proposedBy}</td>
              <td>
                {r.status === '已提出' && (
                  <>
                    <Button small intent="success" text="批准" disabled={!can('clues.rewardApprove')} onClick={() => void run(repos.clues.approveReward(r.id))} />{' '}
                    <InputGroup small placeholder="驳回理由" value={note[r.id] ?? ''} onValueChange={(v) => setNote((n) => ({ ...n, [r.id]: v }))} style={{ width: 140, display: 'inline-block' }} />
                    <Button small text="驳回" disabled={!can('clues.rewardApprove')} onClick={() => void run(repos.clues.rejectReward(r.id, note[r.id] ?? ''))} />
                  </>
                )}
                {r.status === '已批准' && (
                  <>
                    <InputGroup small placeholder="签收/收据号/实物交接" value={note[r.id] ?? ''} onValueChange={(v) => setNote((n) => ({ ...n, [r.id]: v }))} style={{ width: 180, display: 'inline-block' }} />
                    <Button small intent="primary" text="登记发放（今天）" disabled={!can('clues.write')} onClick={() => void run(repos.clues.payReward(r.id, localIsoDate(new Date()), note[r.id] ?? ''))} />
                  </>
                )}
                {r.status === '已发放' && `${r.paidOn} ${r.paymentNote ?? ''}`}
                {r.status === '已驳回' && `驳回：${r.paymentNote ?? ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
