// The dialogs that record something about one firm: entry into the risk ledger, a review or
// removal, a screening record in a round, the evaluation of a keyword hit (the disposition has its
// own file: DispositionDialog.tsx).
import { Button, Checkbox, Dialog, DialogBody, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { localIsoDate } from '../../../core/common/iso-date';
import {
  CLASSIFICATIONS,
  EMPTY_RECORD_INPUT,
  type FieldError,
  type Firm,
  RISK_LEVELS,
  type RiskEntry,
  type RiskEntryInput,
  SCREENING_METHODS,
  type ScreeningRecordInput,
  type ScreeningRound,
} from '../../../core/screening';
import type { ScanInput } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FormDialog } from './FormDialog';
import { ChoiceSelect, Field, guarded } from './form-bits';

export function RiskEntryDialog(props: { readonly firm: Firm; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { repos, settings } = useApp();
  const today = localIsoDate(new Date());
  const [input, setInput] = useState<RiskEntryInput>({ reason: '', since: today, follower: settings.operatorName, nextReview: '' });
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const set = (patch: Partial<RiskEntryInput>) => setInput((v) => ({ ...v, ...patch }));
  return (
    <FormDialog
      title={`纳入风险动态管理台账：${props.firm.name}`}
      testId="risk-form"
      onClose={props.onClose}
      onSaved={props.onSaved}
      errors={errors}
      setErrors={setErrors}
      fields={['reason', 'since', 'follower', 'nextReview']}
      done="已纳入风险台账"
      save={() => guarded(() => repos.screening.addRiskEntry(props.firm.id, input), (m) => setErrors([{ field: 'role', message: m }]))}
    >
      <Field label="纳入原因" field="reason" errors={errors} required>
        <TextArea id="sc-reason" fill rows={2} value={input.reason} onChange={(e) => set({ reason: e.currentTarget.value })} />
      </Field>
      <Field label="纳入日期" field="since" errors={errors} required>
        <InputGroup id="sc-since" value={input.since} onValueChange={(v) => set({ since: v })} />
      </Field>
      <Field label="跟踪责任人" field="follower" errors={errors} required>
        <InputGroup id="sc-follower" value={input.follower} onValueChange={(v) => set({ follower: v })} />
      </Field>
      <Field label="下次复核日期" field="nextReview" errors={errors} required>
        <InputGroup id="sc-nextReview" value={input.nextReview} onValueChange={(v) => set({ nextReview: v })} placeholder="2026-12-31" />
      </Field>
    </FormDialog>
  );
}

export function RiskReviewDialog(props: { readonly entry: RiskEntry; readonly firmName: string; readonly mode: 'review' | 'remove'; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { repos } = useApp();
  const [nextReview, setNextReview] = useState('');
  const [follower, setFollower] = useState(props.entry.follower);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(localIsoDate(new Date()));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const denied = (m: string) => setErrors([{ field: 'role', message: m }]);
  if (props.mode === 'review') {
    return (
      <FormDialog
        title={`复核：${props.firmName}`}
        testId="review-form"
        onClose={props.onClose}
        onSaved={props.onSaved}
        errors={errors}
        setErrors={setErrors}
        fields={['nextReview', 'follower']}
        done="复核已登记"
        save={() => guarded(() => repos.screening.reviewRiskEntry(props.entry.id, nextReview, follower), denied)}
      >
        <Field label="下次复核日期" field="nextReview" errors={errors} required>
          <InputGroup id="sc-nextReview" value={nextReview} onValueChange={setNextReview} placeholder="2026-12-31" />
        </Field>
        <Field label="跟踪责任人" field="follower" errors={errors}>
          <InputGroup id="sc-follower" value={follower} onValueChange={setFollower} />
        </Field>
      </FormDialog>
    );
  }
  return (
    <FormDialog
      title={`移出风险台账：${props.firmName}`}
      testId="remove-form"
      onClose={props.onClose}
      onSaved={props.onSaved}
      errors={errors}
      setErrors={setErrors}
      fields={['reason', 'on']}
      done="已移出风险台账"
      save={() => guarded(() => repos.screening.removeRiskEntry(props.entry.id, reason, on), denied)}
    >
      <Field label="移出原因" field="reason" errors={errors} required>
        <TextArea id="sc-reason" fill rows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <Field label="移出日期" field="on" errors={errors} required>
        <DateField id="sc-on" value={on} onValueChange={setOn} />
      </Field>
    </FormDialog>
  );
}

export function RecordDialog(props: { readonly firm: Firm; readonly rounds: readonly ScreeningRound[]; readonly roundId: string | null; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { repos, bridge, settings } = useApp();
  const [roundId, setRoundId] = useState(props.roundId ?? props.rounds[0]?.id ?? '');
  const [input, setInput] = useState<ScreeningRecordInput>({ ...EMPTY_RECORD_INPUT, date: localIsoDate(new Date()), inspectors: settings.operatorName });
  const [scan, setScan] = useState<ScanInput | null>(null);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const set = (patch: Partial<ScreeningRecordInput>) => setInput((v) => ({ ...v, ...patch }));
  const attach = async () => {
    const picked = await bridge.openFile({ title: '选择承诺书扫描件', filters: [{ name: 'PDF、PNG 或 JPG', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }] });
    if (picked.status !== 'opened') return;
    const lower = picked.fileName.toLowerCase();
    const mimeType = lower.endsWith('.pdf') ? 'application/pdf' : lower.endsWith('.png') ? 'image/png' : /\.jpe?g$/.test(lower) ? 'image/jpeg' : 'application/octet-stream';
    setScan({ fileName: picked.fileName, mimeType, bytes: picked.bytes });
    set({ commitmentSigned: true });
  };
  if (props.rounds.length === 0) {
    return (
      <Dialog isOpen onClose={props.onClose} title="登记排查记录">
        <DialogBody>还没有排查轮次：请先在“排查轮次”中新建一轮（如“2026年11月月度排查”），再登记排查记录。</DialogBody>
      </Dialog>
    );
  }
  return (
    <FormDialog
      title={`登记排查记录：${props.firm.name}`}
      testId="record-form"
      onClose={props.onClose}
      onSaved={props.onSaved}
      errors={errors}
      setErrors={setErrors}
      fields={['roundId', 'date', 'inspectors', 'method', 'findings', 'classification', 'riskLevel', 'nextAction', 'commitmentScan']}
      done="排查记录已登记"
      save={() => guarded(() => repos.screening.addRecord(roundId, props.firm.id, input, scan), (m) => setErrors([{ field: 'role', message: m }]))}
    >
      <div className="screening-form-grid">
        <Field label="排查轮次" field="roundId" errors={errors} required>
          <HTMLSelect id="sc-roundId" value={roundId} onChange={(e) => setRoundId(e.currentTarget.value)}>
            {props.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </HTMLSelect>
        </Field>
        <Field label="排查日期" field="date" errors={errors} required>
          <DateField id="sc-date" value={input.date} onValueChange={(v) => set({ date: v })} />
        </Field>
        <Field label="排查人员" field="inspectors" errors={errors} required>
          <InputGroup id="sc-inspectors" value={input.inspectors} onValueChange={(v) => set({ inspectors: v })} placeholder="多人用顿号分隔" />
        </Field>
        <Field label="排查方式" field="method" errors={errors} required>
          <HTMLSelect id="sc-method" value={input.method} onChange={(e) => set({ method: e.currentTarget.value })} options={[...SCREENING_METHODS]} />
        </Field>
        <Field label="分类" field="classification" errors={errors} required>
          <ChoiceSelect id="sc-classification" value={input.classification} choices={CLASSIFICATIONS} onChange={(v) => set({ classification: v })} />
        </Field>
        <Field label="风险等级" field="riskLevel" errors={errors} required>
          <ChoiceSelect id="sc-riskLevel" value={input.riskLevel} choices={RISK_LEVELS} onChange={(v) => set({ riskLevel: v })} />
        </Field>
        <div className="wide">
          <Field label="排查情况" field="findings" errors={errors}>
            <TextArea id="sc-findings" fill rows={3} value={input.findings} onChange={(e) => set({ findings: e.currentTarget.value })} />
          </Field>
        </div>
        <div className="wide">
          <Field label="承诺书" field="commitmentScan" errors={errors}>
            <Checkbox label="已签订拒绝组织参与非法集资承诺书" checked={input.commitmentSigned} onChange={(e) => set({ commitmentSigned: e.currentTarget.checked })} />
            <Button small icon="paperclip" text={scan ? `扫描件：${scan.fileName}` : '附签字扫描件…'} onClick={() => void attach()} />
            {scan && <Button small minimal icon="cross" aria-label="移除扫描件" onClick={() => setScan(null)} />}
          </Field>
        </div>
        <div className="wide">
          <Field label="下一步措施" field="nextAction" errors={errors}>
            <InputGroup id="sc-nextAction" value={input.nextAction} onValueChange={(v) => set({ nextAction: v })} />
          </Field>
        </div>
      </div>
    </FormDialog>
  );
}

export function EvaluateDialog(props: { readonly firm: Firm; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { repos } = useApp();
  const [result, setResult] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  return (
    <FormDialog
      title={`关键字样研判：${props.firm.name}`}
      testId="evaluate-form"
      onClose={props.onClose}
      onSaved={props.onSaved}
      errors={errors}
      setErrors={setErrors}
      fields={['evaluation']}
      done="研判结果已记录"
      save={() => guarded(() => repos.screening.evaluateFirm(props.firm.id, result), (m) => setErrors([{ field: 'role', message: m }]))}
    >
      <p>命中关键字样：{props.firm.keywordHits.join('、')}</p>
      <Field label="研判结果" field="evaluation" errors={errors} required>
        <TextArea id="sc-evaluation" fill rows={3} value={result} onChange={(e) => setResult(e.currentTarget.value)} placeholder="如：经联合研判，该企业不从事金融业务，准予登记；或：建议纳入风险台账" />
      </Field>
    </FormDialog>
  );
}
