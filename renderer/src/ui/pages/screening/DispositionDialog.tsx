// 处置 of one firm: its kind, date and who decided; 整改 and 约谈 link the 整改通知书 / 询问通知书
// issued to the firm; 移送公安 links an existing case or creates one prefilled from the firm (name as
// the subject, district, credit code and legal representative as parties), stored with the
// disposition in one transaction.
import { HTMLSelect, InputGroup, Radio, RadioGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import type { CaseDraft } from '../../../core/cases/case-draft';
import { CASE_CHARGES, CASE_SECTORS } from '../../../core/cases/case-file';
import { localIsoDate } from '../../../core/common/iso-date';
import { caseDraftFromFirm, DISPOSITION_KINDS, type DispositionInput, type FieldError, type Firm } from '../../../core/screening';
import type { DocumentRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { useCases } from '../petitions/use-cases';
import { FormDialog } from './FormDialog';
import { ChoiceSelect, Field, guarded } from './form-bits';

/** The document type a disposition rests on (templates' documentType), when it has one. */
const DOCUMENT_OF: Readonly<Record<string, { readonly type: string; readonly name: string }>> = {
  整改: { type: 'rectification', name: '整改通知书' },
  约谈: { type: 'inquiry', name: '询问通知书' },
};

const FIELDS = ['kind', 'date', 'decidedBy', 'documentId', 'documentRef', 'caseId', 'note'];
const CASE_FIELDS = ['caseNumber', 'title', 'charge', 'sector', 'district', 'leadUnit', 'officers'].map((f) => `case.${f}`);

export function DispositionDialog(props: { readonly firm: Firm; readonly docs: readonly DocumentRow[]; readonly initialKind?: string; readonly onClose: () => void; readonly onSaved: () => void }) {
  const { repos, settings } = useApp();
  const cases = useCases();
  const today = localIsoDate(new Date());
  const [input, setInput] = useState<DispositionInput>({ kind: props.initialKind ?? DISPOSITION_KINDS[0], date: today, decidedBy: '', documentRef: '', caseId: null, documentId: null, note: '' });
  const [referral, setReferral] = useState<'link' | 'new'>('new');
  const [draft, setDraft] = useState<CaseDraft>(() => caseDraftFromFirm(props.firm, today));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const set = (patch: Partial<DispositionInput>) => setInput((v) => ({ ...v, ...patch }));
  const setCase = (patch: Partial<CaseDraft>) => setDraft((v) => ({ ...v, ...patch }));
  const wanted = DOCUMENT_OF[input.kind];
  const linkable = wanted ? props.docs.filter((d) => d.body.template.documentType === wanted.type && d.number !== null && d.status !== '作废') : [];
  const creating = input.kind === '移送公安' && referral === 'new';
  const save = () =>
    guarded(
      () =>
        creating
          ? repos.screening.referToPolice(props.firm.id, input, { ...draft, stageDate: input.date }, settings.districts)
          : repos.screening.addDisposition(props.firm.id, { ...input, documentId: wanted ? (input.documentId ?? null) : null, caseId: input.kind === '移送公安' ? input.caseId : null }),
      (m) => setErrors([{ field: 'role', message: m }]),
    );
  return (
    <FormDialog
      title={`处置：${props.firm.name}`}
      testId="disposition-form"
      onClose={props.onClose}
      onSaved={props.onSaved}
      errors={errors}
      setErrors={setErrors}
      fields={creating ? [...FIELDS, ...CASE_FIELDS] : FIELDS}
      done={creating ? '已移送公安，案件已登记' : '处置已登记'}
      save={save}
    >
      <div className="screening-form-grid">
        <Field label="处置方式" field="kind" errors={errors} required>
          <HTMLSelect id="sc-kind" value={input.kind} onChange={(e) => set({ kind: e.currentTarget.value, documentId: null })} options={[...DISPOSITION_KINDS]} />
        </Field>
        <Field label="处置日期" field="date" errors={errors} required>
          <DateField id="sc-date" value={input.date} onValueChange={(v) => set({ date: v })} />
        </Field>
        <Field label="决定人" field="decidedBy" errors={errors} required>
          <InputGroup id="sc-decidedBy" value={input.decidedBy} onValueChange={(v) => set({ decidedBy: v })} placeholder={`如：${settings.operatorName || '市处非办主任办公会'}`} />
        </Field>
        <Field label="文书及文号" field="documentRef" errors={errors}>
          <InputGroup id="sc-documentRef" value={input.documentRef} onValueChange={(v) => set({ documentRef: v })} placeholder={wanted && input.documentId ? '关联文书的名称和文号' : '如：威处非改〔2026〕3号 整改通知书'} />
        </Field>
      </div>
      {wanted && (
        <Field label={`关联${wanted.name}`} field="documentId" errors={errors} required={input.kind === '整改'}>
          <HTMLSelect id="sc-documentId" value={input.documentId ?? ''} onChange={(e) => set({ documentId: e.currentTarget.value || null })}>
            <option value="">{linkable.length === 0 ? `（尚未向该企业签发${wanted.name}）` : '（不关联）'}</option>
            {linkable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.number} {d.body.template.name}（{d.issuedDate}）
              </option>
            ))}
          </HTMLSelect>
          {linkable.length === 0 && <p className="muted">可先在企业页“出具文书”中签发{wanted.name}，或在“文书及文号”中写明纸质文书的文号。</p>}
        </Field>
      )}
      {input.kind === '移送公安' && (
        <>
          <RadioGroup inline label="案件" selectedValue={referral} onChange={(e) => setReferral(e.currentTarget.value === 'link' ? 'link' : 'new')}>
            <Radio value="new" label="新建案件（由该企业信息预填）" />
            <Radio value="link" label="关联已有案件" />
          </RadioGroup>
          {referral === 'link' ? (
            <Field label="关联案件" field="caseId" errors={errors}>
              <HTMLSelect id="sc-caseId" value={input.caseId ?? ''} onChange={(e) => set({ caseId: e.currentTarget.value || null })}>
                <option value="">（不关联，案件登记后再补）</option>
                {[...cases.values()].map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.caseNumber} {c.title}
                  </option>
                ))}
              </HTMLSelect>
            </Field>
          ) : (
            <NewCaseFields draft={draft} set={setCase} errors={errors} districts={settings.districts} />
          )}
        </>
      )}
      <Field label="备注" field="note" errors={errors}>
        <TextArea id="sc-note" fill rows={2} value={input.note} onChange={(e) => set({ note: e.currentTarget.value })} />
      </Field>
    </FormDialog>
  );
}

/** The new case's own fields; its parties (the firm and its legal representative) are shown, not edited here. */
function NewCaseFields(props: { readonly draft: CaseDraft; readonly set: (p: Partial<CaseDraft>) => void; readonly errors: readonly FieldError[]; readonly districts: readonly string[] }) {
  const { draft, set, errors } = props;
  const districts = props.districts.includes(draft.district) || draft.district === '' ? props.districts : [draft.district, ...props.districts];
  return (
    <div className="screening-form-grid" data-testid="referral-case">
      <Field label="案件编号" field="case.caseNumber" errors={errors} required>
        <InputGroup id="sc-case.caseNumber" value={draft.caseNumber} onValueChange={(v) => set({ caseNumber: v })} placeholder="按本单位的编号写法" />
      </Field>
      <Field label="涉嫌罪名" field="case.charge" errors={errors} required>
        <ChoiceSelect id="sc-case.charge" value={draft.charge} choices={CASE_CHARGES} onChange={(v) => set({ charge: v as CaseDraft['charge'] })} />
      </Field>
      <div className="wide">
        <Field label="案件名称" field="case.title" errors={errors} required>
          <InputGroup id="sc-case.title" value={draft.title} onValueChange={(v) => set({ title: v })} />
        </Field>
      </div>
      <Field label="所属领域" field="case.sector" errors={errors} required>
        <ChoiceSelect id="sc-case.sector" value={draft.sector} choices={CASE_SECTORS} onChange={(v) => set({ sector: v as CaseDraft['sector'] })} />
      </Field>
      <Field label="区县" field="case.district" errors={errors} required>
        <ChoiceSelect id="sc-case.district" value={draft.district} choices={districts} onChange={(v) => set({ district: v })} />
      </Field>
      <Field label="主办单位" field="case.leadUnit" errors={errors}>
        <InputGroup id="sc-case.leadUnit" value={draft.leadUnit} onValueChange={(v) => set({ leadUnit: v })} placeholder="如：市公安局经侦支队" />
      </Field>
      <Field label="承办人" field="case.officers" errors={errors}>
        <InputGroup id="sc-case.officers" value={draft.officers} onValueChange={(v) => set({ officers: v })} placeholder="多人用顿号分隔" />
      </Field>
      <p className="wide muted">涉案主体：{draft.parties.map((p) => `${p.name}（${p.role}）`).join('、')}；案件阶段：线索核查，日期为处置日期。</p>
    </div>
  );
}
