import { Button, Callout, Card, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, Tag, TextArea } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { buildLedgerLookup, type Clue, type ClueEvent, DISPOSITION_KINDS, type LedgerFirm, ledgerFirmFor, type Reward, STEP_LABELS, SUBJECT_KIND_LABELS, VERIFY_RESULTS } from '../../../core/clues';
import type { ClueReporter } from '../../../core/clues/types';
import { localIsoDate } from '../../../core/common/iso-date';
import type { MaskedReporter } from '../../../db/repositories/clue-repository';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { levelIntent } from './ClueListView';
import { RevealReporterDialog } from './RevealReporterDialog';
import { RewardPanel } from './RewardPanel';

type StepType = ClueEvent['type'];

/** One clue: its facts, the reporter (masked unless revealed), the lifecycle steps and the reward. */
export function ClueDetail({ clueId, onBack }: { readonly clueId: string; readonly onBack: () => void }) {
  const { repos, can } = useApp();
  const [clue, setClue] = useState<Clue | null | undefined>(undefined);
  const [reporter, setReporter] = useState<MaskedReporter | null>(null);
  const [revealed, setRevealed] = useState<ClueReporter | null>(null);
  const [first, setFirst] = useState<Clue | null>(null);
  const [rewards, setRewards] = useState<Reward[]>([]);
  const [step, setStep] = useState<StepType | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ledgerFirm, setLedgerFirm] = useState<LedgerFirm | null>(null);
  const [asking, setAsking] = useState(false);
  const load = useCallback(async () => {
    const c = await repos.clues.get(clueId);
    setClue(c ?? null);
    setLedgerFirm(c?.subject.kind === 'firm' ? ledgerFirmFor(buildLedgerLookup(await repos.monitoring.ledgerFirms()), c.subject) : null);
    setReporter(await repos.clues.reporter(clueId));
    setFirst(c?.firstClueId ? ((await repos.clues.get(c.firstClueId)) ?? null) : null);
    setRewards((await repos.clues.rewards()).filter((r) => r.clueId === clueId));
  }, [repos, clueId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (clue === undefined) return <p className="muted">读取中…</p>;
  if (clue === null) return <Callout intent="warning">该线索已不存在。<Button minimal text="返回线索台账" onClick={onBack} /></Callout>;
  const closed = clue.status === '已办结';
  return (
    <div className="clue-columns">
      <Card>
        <div className="clue-steps">
          <Button icon="arrow-left" minimal text="线索台账" onClick={onBack} />
          <h3 style={{ margin: 0 }} data-testid="clue-no">{clue.clueNo}</h3>
          <Tag intent={levelIntent(clue.level)}>{clue.level}</Tag>
          <Tag minimal data-testid="clue-status">{clue.status}</Tag>
        </div>
        {message && <Callout intent="danger" data-testid="clue-message">{message}</Callout>}
        <dl className="clue-facts">
          <dt>收到日期</dt><dd>{clue.receivedOn}</dd>
          <dt>来源渠道</dt><dd>{clue.channel}</dd>
          <dt>线索主体</dt>
          <dd>
            {clue.subject.name}（{SUBJECT_KIND_LABELS[clue.subject.kind]}）{clue.subject.creditCode && <span className="mono"> {clue.subject.creditCode}</span>}
            {clue.subject.link && <div className="muted">{clue.subject.link}</div>}
            {clue.subject.kind === 'firm' && (
              <div data-testid="clue-ledger-link">
                {ledgerFirm ? (
                  <>
                    排查台账：<a href={`#/screening/firm/${encodeURIComponent(ledgerFirm.id)}`}>{ledgerFirm.name}</a>
                  </>
                ) : (
                  <span className="muted">排查台账中没有这家企业</span>
                )}
              </div>
            )}
          </dd>
          <dt>反映内容</dt><dd>{clue.allegation}</dd>
          <dt>定级理由</dt><dd>{clue.levelReason}</dd>
          {first && (
            <>
              <dt>首报线索</dt>
              <dd><a href={`#/clues/${encodeURIComponent(first.id)}`}>{first.clueNo}</a>（同一主体的在先举报；本条不另计奖励）</dd>
            </>
          )}
          <dt>承办人</dt><dd>{clue.assignee ?? '—'}{clue.assignedOn ? `（${clue.assignedOn} 分派）` : ''}</dd>
          <dt>核查结论</dt><dd>{clue.verifyResult ? `${clue.verifyResult}（${clue.verifiedOn}）` : '—'}</dd>
          <dt>处置</dt>
          <dd data-testid="clue-disposition">
            {clue.disposition
              ? `${clue.disposition.kind}（${clue.disposition.date}）${clue.disposition.reason ? `：${clue.disposition.reason}` : ''}${clue.disposition.transferTo ? ` 移送${clue.disposition.transferTo}，${clue.disposition.letterNo}` : ''}`
              : '—'}
          </dd>
          <dt>答复举报人</dt><dd>{clue.replyOn ? `${clue.replyOn}：${clue.replyNote}` : '—'}</dd>
          <dt>举报人</dt>
          <dd data-testid="clue-reporter">
            {clue.anonymous ? (
              '匿名举报'
            ) : revealed ? (
              <span>
                {revealed.name} {revealed.phone ?? ''} {revealed.idNumber ?? ''} {revealed.address ?? ''} <Tag minimal intent="warning">已显示完整信息（已记入审计日志）</Tag>
              </span>
            ) : reporter ? (
              <span>
                {reporter.name} {reporter.phone ?? ''} {reporter.idNumber ?? ''}
                {reporter.isStaff && <Tag minimal className="inline-tag">工作人员</Tag>}
                {reporter.isParticipant && <Tag minimal className="inline-tag">集资参与人</Tag>}{' '}
                <Button small icon="eye-open" text="查看完整信息" onClick={() => setAsking(true)} disabled={!can('personal.reveal')} title="写明用途后显示，每次查看都记入审计日志" />
              </span>
            ) : (
              '—'
            )}
          </dd>
        </dl>
        <h4>办理</h4>
        <div className="clue-steps">
          {(['assign', 'verify-note', 'verify-result', 'dispose', 'reply', 'close'] as const).map((s) => (
            <Button key={s} text={STEP_LABELS[s]} disabled={closed || !can('clues.write') || (s === 'reply' && clue.anonymous)} onClick={() => setStep(s)} />
          ))}
        </div>
        <h4>办理记录</h4>
        <ol data-testid="clue-history">
          {clue.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only
            <li key={i}>
              {h.date} {h.step} {h.by ? `（${h.by}）` : ''} {h.note}
            </li>
          ))}
        </ol>
        {clue.verifications.length > 0 && (
          <>
            <h4>核查记录</h4>
            <ul>
              {clue.verifications.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only notes
                <li key={i}>{v.date}：{v.note}（{v.by}）</li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <RewardPanel clue={clue} rewards={rewards} onChanged={() => void load()} />
      {asking && (
        <RevealReporterDialog
          clueId={clue.id}
          clueNo={clue.clueNo}
          onClose={() => setAsking(false)}
          onRevealed={(r) => {
            setRevealed(r);
            setAsking(false);
          }}
        />
      )}
      {step && (
        <StepDialog
          clue={clue}
          type={step}
          onClose={() => setStep(null)}
          onDone={(c) => {
            setClue(c);
            setStep(null);
            setMessage(null);
          }}
        />
      )}
    </div>
  );
}

function StepDialog({ clue, type, onClose, onDone }: { clue: Clue; type: StepType; onClose: () => void; onDone: (c: Clue) => void }) {
  const { repos } = useApp();
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [text, setText] = useState('');
  const [choice, setChoice] = useState('');
  const [transferTo, setTransferTo] = useState('');
  const [letterNo, setLetterNo] = useState('');
  const [caseId, setCaseId] = useState('');
  const [cases, setCases] = useState<{ id: string; label: string }[]>([]);
  const [error, setError] = useState<{ field: string; error: string } | null>(null);
  useEffect(() => {
    if (type === 'dispose') void repos.cases.listWithPartyNames().then((l) => setCases(l.map((c) => ({ id: c.caseFile.id, label: `${c.caseFile.caseNumber} ${c.caseFile.title}` }))));
  }, [repos, type]);
  const event = (): ClueEvent => {
    switch (type) {
      case 'assign':
        return { type, date, assignee: text };
      case 'verify-note':
        return { type, date, note: text };
      case 'verify-result':
        return { type, date, result: choice, note: text };
      case 'dispose':
        return { type, date, kind: choice, reason: text, caseId: caseId || null, transferTo, letterNo };
      case 'reply':
        return { type, date, note: text };
      case 'close':
        return { type, date };
    }
  };
  const save = async () => {
    try {
      const r = await repos.clues.applyStep(clue.id, event());
      if (r.ok) onDone(r.clue);
      else setError(r);
    } catch (e) {
      setError({ field: 'status', error: e instanceof Error ? e.message : String(e) });
    }
  };
  const textLabel = { assign: '承办人', 'verify-note': '核查情况', 'verify-result': '说明', dispose: choice === '不予立案' ? '不予立案理由' : '说明', reply: '答复方式和内容', close: '' }[type];
  return (
    <Dialog isOpen title={STEP_LABELS[type]} onClose={onClose}>
      <DialogBody>
        {error && <Callout intent="danger" data-testid="step-error">{error.error}</Callout>}
        <FieldRow label={`${STEP_LABELS[type]}日期`} labelFor="step-date" required>
          <DateField id="step-date" value={date} onValueChange={setDate} />
        </FieldRow>
        {type === 'verify-result' && <ChoiceRow id="step-choice" label="核查结论" value={choice} onChange={setChoice} options={VERIFY_RESULTS.map((v) => [v, v])} />}
        {type === 'dispose' && <ChoiceRow id="step-choice" label="处置方式" value={choice} onChange={setChoice} options={DISPOSITION_KINDS.map((v) => [v, v])} />}
        {type === 'dispose' && choice === '立案' && <ChoiceRow id="step-case" label="关联案件" placeholder="请选择案件" value={caseId} onChange={setCaseId} options={cases.map((c) => [c.id, c.label])} />}
        {type === 'dispose' && choice === '移送' && (
          <>
            <FieldRow label="移送单位" labelFor="step-transfer" required>
              <InputGroup id="step-transfer" value={transferTo} onValueChange={setTransferTo} />
            </FieldRow>
            <FieldRow label="移送函文号" labelFor="step-letter" required>
              <InputGroup id="step-letter" value={letterNo} onValueChange={setLetterNo} />
            </FieldRow>
          </>
        )}
        {type === 'assign' && (
          <FieldRow label="承办人" labelFor="step-text" required>
            <InputGroup id="step-text" value={text} onValueChange={setText} />
          </FieldRow>
        )}
        {type !== 'assign' && type !== 'close' && (
          <FieldRow label={textLabel} labelFor="step-text">
            <TextArea id="step-text" fill rows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          </FieldRow>
        )}
      </DialogBody>
      <DialogFooter actions={[<Button key="c" text="取消" onClick={onClose} />, <Button key="s" intent="primary" text="保存" onClick={() => void save()} />]} />
    </Dialog>
  );
}

/** A required choice of one step (核查结论, 处置方式, 关联案件): options as [value, label]. */
function ChoiceRow(props: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (v: string) => void; readonly options: readonly (readonly [string, string])[]; readonly placeholder?: string }) {
  return (
    <FieldRow label={props.label} labelFor={props.id} required>
      <HTMLSelect id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.placeholder ?? '请选择'}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </HTMLSelect>
    </FieldRow>
  );
}
