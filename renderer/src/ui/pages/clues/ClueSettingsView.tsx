import { Button, Callout, Card, Checkbox, HTMLSelect, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { type ClueTimeLimits, type FieldError, REWARD_BASIS_LABELS, type RewardBasis, type RewardRule, WARNING_LEVELS } from '../../../core/clues';
import { formatFen, parseMoneyToFen } from '../../../core/money';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';

const yuan = (fen: number) => formatFen(fen).replace(/,/g, '');

/** 时限与奖励办法: verification limits per warning level, and the office's reward rule (管理员). */
export function ClueSettingsView() {
  const { repos, can } = useApp();
  const [limits, setLimits] = useState<ClueTimeLimits | null>(null);
  const [rule, setRule] = useState<RewardRule | null>(null);
  const [limitText, setLimitText] = useState('');
  const [tiers, setTiers] = useState<{ from: string; rate: string; min: string; cap: string }[]>([]);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void repos.clues.timeLimits().then(setLimits);
    void repos.clues.rewardRule().then((r) => {
      setRule(r);
      setLimitText(yuan(r.limitFen));
      setTiers(r.tiers.map((t) => ({ from: yuan(t.fromFen), rate: String(t.ratePermille), min: yuan(t.minFen), cap: yuan(t.capFen) })));
    });
  }, [repos]);
  if (!limits || !rule) return <p className="muted">读取中…</p>;
  const run = async (p: Promise<{ ok: true } | { ok: false; errors: FieldError[] }>, what: string) => {
    try {
      const r = await p;
      setErrors(r.ok ? [] : r.errors);
      setSaved(r.ok ? `${what}已保存。` : null);
    } catch (e) {
      setErrors([{ field: 'settings', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  const money = (text: string, label: string): number => {
    const r = parseMoneyToFen(text);
    if (!r.ok) throw new Error(`${label}：${r.message}`);
    return r.fen;
  };
  const saveRule = () => {
    try {
      const next: RewardRule = {
        ...rule,
        limitFen: money(limitText, '单条线索奖励上限'),
        tiers: tiers.map((t, i) => ({ fromFen: money(t.from || '0', `第 ${i + 1} 档起点`), ratePermille: Number(t.rate), minFen: money(t.min || '0', `第 ${i + 1} 档最低`), capFen: money(t.cap || '0', `第 ${i + 1} 档最高`) })),
      };
      void run(repos.clues.saveRewardRule(next), '奖励办法');
    } catch (e) {
      setErrors([{ field: 'rule', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  const admin = can('settings.office');
  return (
    <div className="clue-columns">
      <Card>
        <h3>核查时限（工作日，按信访时限设置中的节假日表计算）</h3>
        {!admin && <Callout intent="primary">单位设置由管理员维护。</Callout>}
        {WARNING_LEVELS.map((l) => (
          <FieldRow key={l} label={`${l}等级线索`} labelFor={`limit-${l}`} error={errors.find((e) => e.field === `verifyDays.${l}`)?.message}>
            <InputGroup id={`limit-${l}`} value={String(limits.verifyDays[l])} onValueChange={(v) => setLimits({ ...limits, verifyDays: { ...limits.verifyDays, [l]: Number(v) } })} />
          </FieldRow>
        ))}
        <FieldRow label="提前提醒（工作日）" labelFor="limit-warn" error={errors.find((e) => e.field === 'warnDays')?.message}>
          <InputGroup id="limit-warn" value={String(limits.warnDays)} onValueChange={(v) => setLimits({ ...limits, warnDays: Number(v) })} />
        </FieldRow>
        <Button intent="primary" text="保存时限" disabled={!admin} onClick={() => void run(repos.clues.saveTimeLimits(limits), '核查时限')} />
      </Card>
      <Card>
        <h3>举报奖励办法</h3>
        {saved && <Callout intent="success">{saved}</Callout>}
        {errors.length > 0 && <Callout intent="danger">{errors.map((e) => (<div key={e.field + e.message}>{e.message}</div>))}</Callout>}
        <FieldRow label="办法名称" labelFor="rule-name"><InputGroup id="rule-name" value={rule.name} onValueChange={(name) => setRule({ ...rule, name })} /></FieldRow>
        <FieldRow label="计算依据" labelFor="rule-basis">
          <HTMLSelect id="rule-basis" value={rule.basis} onChange={(e) => setRule({ ...rule, basis: e.currentTarget.value as RewardBasis })}>
            {(Object.keys(REWARD_BASIS_LABELS) as RewardBasis[]).map((b) => (<option key={b} value={b}>{REWARD_BASIS_LABELS[b]}</option>))}
          </HTMLSelect>
        </FieldRow>
        <HTMLTable compact>
          <thead><tr><th>档次</th><th>起点（元）</th><th>比例（‰）</th><th>最低（元）</th><th>最高（元）</th></tr></thead>
          <tbody>
            {tiers.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place by position
              <tr key={i}>
                <td>第 {i + 1} 档</td>
                {(['from', 'rate', 'min', 'cap'] as const).map((k) => (
                  <td key={k}><InputGroup small aria-label={`第 ${i + 1} 档 ${k}`} value={t[k]} onValueChange={(v) => setTiers(tiers.map((x, j) => (j === i ? { ...x, [k]: v } : x)))} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        <Button small text="增加一档" onClick={() => setTiers([...tiers, { from: '', rate: '0', min: '0', cap: '0' }])} />{' '}
        <Button small text="删除最后一档" disabled={tiers.length <= 1} onClick={() => setTiers(tiers.slice(0, -1))} />
        <FieldRow label="单条线索奖励上限（元）" labelFor="rule-limit"><InputGroup id="rule-limit" value={limitText} onValueChange={setLimitText} /></FieldRow>
        <Checkbox label="可以实物奖励" checked={rule.goodsAllowed} onChange={(e) => setRule({ ...rule, goodsAllowed: e.currentTarget.checked })} />
        <Checkbox label="工作人员不予奖励" checked={rule.excludeStaff} onChange={(e) => setRule({ ...rule, excludeStaff: e.currentTarget.checked })} />
        <Checkbox label="集资参与人不予奖励" checked={rule.excludeParticipants} onChange={(e) => setRule({ ...rule, excludeParticipants: e.currentTarget.checked })} />
        <Checkbox label="匿名举报不予奖励" checked={rule.excludeAnonymous} onChange={(e) => setRule({ ...rule, excludeAnonymous: e.currentTarget.checked })} />
        <Button intent="primary" text="保存奖励办法" disabled={!admin} onClick={saveRule} />
      </Card>
    </div>
  );
}
