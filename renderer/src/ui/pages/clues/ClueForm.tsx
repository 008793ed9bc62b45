import { Button, Callout, Card, Checkbox, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { CLUE_CHANNELS, type ClueFormInput, emptyClueForm, type FieldError, SUBJECT_KIND_LABELS, SUBJECT_KINDS, WARNING_LEVELS } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { LedgerFirmPicker } from './LedgerFirmPicker';
import { FIELD_LABELS } from './labels';

/** 线索登记: the clue, its warning level with the reason, and the reporter (or 匿名). */
export function ClueForm({ onDone, onCancel }: { readonly onDone: (id: string) => void; readonly onCancel: () => void }) {
  const { repos } = useApp();
  const [form, setForm] = useState<ClueFormInput>(() => emptyClueForm(localIsoDate(new Date())));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ClueFormInput>) => setForm((f) => ({ ...f, ...patch }));
  const setSubject = (patch: Partial<ClueFormInput['subject']>) => setForm((f) => ({ ...f, subject: { ...f.subject, ...patch } }));
  const setReporter = (patch: Partial<ClueFormInput['reporter']>) => setForm((f) => ({ ...f, reporter: { ...f.reporter, ...patch } }));
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const submit = async () => {
    setBusy(true);
    try {
      const r = await repos.clues.register(form);
      if (r.ok) onDone(r.clueId);
      else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'operator', message: e instanceof Error ? e.message : String(e) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="clue-form">
      <h3>登记线索</h3>
      {errors.length > 0 && (
        <Callout intent="danger" className="clue-errors" title="以下内容需要改正" data-testid="clue-form-errors">
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.message}>{FIELD_LABELS[e.field] ? `${FIELD_LABELS[e.field]}：` : ''}{e.message}</li>
            ))}
          </ul>
        </Callout>
      )}
      <div className="form-row">
        <FieldRow label="收到日期" labelFor="clue-received" required error={err('receivedOn')}>
          <DateField id="clue-received" value={form.receivedOn} onValueChange={(receivedOn) => set({ receivedOn })} />
        </FieldRow>
        <FieldRow label="来源渠道" labelFor="clue-channel" required error={err('channel')}>
          <HTMLSelect id="clue-channel" fill value={form.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
            <option value="">请选择</option>
            {CLUE_CHANNELS.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
      </div>
      <div className="form-row">
        <FieldRow label="主体类型" labelFor="clue-subject-kind" required error={err('subject.kind')}>
          <HTMLSelect id="clue-subject-kind" fill value={form.subject.kind} onChange={(e) => setSubject({ kind: e.currentTarget.value })}>
            {SUBJECT_KINDS.map((k) => (
              <option key={k} value={k}>{SUBJECT_KIND_LABELS[k]}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label="主体名称" labelFor="clue-subject-name" required error={err('subject.name')}>
          <InputGroup id="clue-subject-name" value={form.subject.name} onValueChange={(name) => setSubject({ name })} />
        </FieldRow>
      </div>
      {form.subject.kind === 'firm' && <LedgerFirmPicker name={form.subject.name} creditCode={form.subject.creditCode ?? ''} onPick={(f) => setSubject({ name: f.name, creditCode: f.creditCode })} />}
      <div className="form-row">
        {form.subject.kind === 'firm' && (
          <FieldRow label="统一社会信用代码" labelFor="clue-subject-code" error={err('subject.creditCode')} hint="已知时填写，便于与排查台账关联">
            <InputGroup id="clue-subject-code" value={form.subject.creditCode ?? ''} onValueChange={(creditCode) => setSubject({ creditCode })} />
          </FieldRow>
        )}
        {(form.subject.kind === 'website' || form.subject.kind === 'app') && (
          <FieldRow label="网址或 App 名称" labelFor="clue-subject-link" error={err('subject.link')}>
            <InputGroup id="clue-subject-link" value={form.subject.link ?? ''} onValueChange={(link) => setSubject({ link })} />
          </FieldRow>
        )}
      </div>
      <FieldRow label="反映内容" labelFor="clue-allegation" required error={err('allegation')}>
        <TextArea id="clue-allegation" fill rows={3} value={form.allegation} onChange={(e) => set({ allegation: e.currentTarget.value })} />
      </FieldRow>
      <div className="form-row">
        <FieldRow label="预警等级" labelFor="clue-level" required error={err('level')}>
          <HTMLSelect id="clue-level" fill value={form.level} onChange={(e) => set({ level: e.currentTarget.value })}>
            <option value="">请选择</option>
            {WARNING_LEVELS.map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label="定级理由" labelFor="clue-level-reason" required error={err('levelReason')}>
          <InputGroup id="clue-level-reason" value={form.levelReason} onValueChange={(levelReason) => set({ levelReason })} />
        </FieldRow>
      </div>
      <h4>举报人（保密：单独保存，各处只显示打码信息）</h4>
      <Checkbox label="匿名举报" checked={form.anonymous} onChange={(e) => set({ anonymous: e.currentTarget.checked })} />
      {!form.anonymous && (
        <>
          <div className="form-row">
            <FieldRow label="举报人姓名" labelFor="clue-reporter-name" required error={err('reporter.name')}>
              <InputGroup id="clue-reporter-name" value={form.reporter.name} onValueChange={(name) => setReporter({ name })} />
            </FieldRow>
            <FieldRow label="举报人联系电话" labelFor="clue-reporter-phone" error={err('reporter.phone')}>
              <InputGroup id="clue-reporter-phone" value={form.reporter.phone} onValueChange={(phone) => setReporter({ phone })} />
            </FieldRow>
          </div>
          <div className="form-row">
            <FieldRow label="身份证号码" labelFor="clue-reporter-id" error={err('reporter.idNumber')}>
              <InputGroup id="clue-reporter-id" value={form.reporter.idNumber} onValueChange={(idNumber) => setReporter({ idNumber })} />
            </FieldRow>
            <FieldRow label="联系地址" labelFor="clue-reporter-address">
              <InputGroup id="clue-reporter-address" value={form.reporter.address} onValueChange={(address) => setReporter({ address })} />
            </FieldRow>
          </div>
          <Checkbox label="举报人是工作人员" checked={form.reporter.isStaff} onChange={(e) => setReporter({ isStaff: e.currentTarget.checked })} />
          <Checkbox label="举报人是集资参与人" checked={form.reporter.isParticipant} onChange={(e) => setReporter({ isParticipant: e.currentTarget.checked })} />
        </>
      )}
      <div className="clue-steps">
        <Button intent="primary" text="登记" loading={busy} onClick={() => void submit()} />
        <Button text="取消" onClick={onCancel} />
      </div>
    </Card>
  );
}
