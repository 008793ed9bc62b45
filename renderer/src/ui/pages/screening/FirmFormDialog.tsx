import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_FIRM_INPUT, type FieldError, type Firm, type FirmInput, firmToInput } from '../../../core/screening';
import { useApp } from '../../app/app-context';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import { Field, guarded, OtherErrors } from './form-bits';

const FIELDS: readonly string[] = Object.keys(EMPTY_FIRM_INPUT);

/**
 * Adds a firm to the ledger or changes one, as the app's other forms do: what is typed is kept as a
 * draft (closing the dialog or a reload keeps it, until saved), refused fields are counted above the
 * form and named under each field, and Enter saves.
 */
export function FirmFormDialog(props: { readonly firm: Firm | null; readonly onClose: () => void; readonly onSaved: (firm: Firm) => void }) {
  const { t } = useTranslation();
  const { repos, settings } = useApp();
  const start = useMemo(() => (props.firm ? firmToInput(props.firm) : EMPTY_FIRM_INPUT), [props.firm]);
  const title = props.firm ? `修改排查对象：${props.firm.name}` : '新增排查对象';
  const form = useFormDraft<FirmInput>(`screening:firm:${props.firm?.id ?? 'new'}`, start, title, { fresh: !props.firm });
  const input = form.value ?? start;
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<FirmInput>) => form.set((v) => ({ ...v, ...patch }));
  const text = (field: keyof FirmInput, label: string, required = false) => (
    <Field label={label} field={field} errors={errors} required={required}>
      <InputGroup id={`sc-${field}`} value={input[field]} onValueChange={(v) => set({ [field]: v })} intent={errors.some((e) => e.field === field) ? 'danger' : 'none'} />
    </Field>
  );
  const save = async () => {
    setBusy(true);
    const r = await guarded(() => repos.screening.saveFirm(props.firm?.id ?? null, input), (m) => setErrors([{ field: 'role', message: m }]));
    setBusy(false);
    if (!r) return;
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    form.clear();
    for (const w of r.warnings) void notify(w.message, 'warning');
    if (r.value.keywordHits.length > 0) void notify(`含涉金融关键字样“${r.value.keywordHits.join('、')}”，已标为待评估`, 'warning');
    else void notify(`已保存：${r.value.name}`, 'success');
    props.onSaved(r.value);
  };
  const fieldErrors = errors.filter((e) => FIELDS.includes(e.field)).length;
  return (
    <Dialog isOpen onClose={props.onClose} title={title} style={{ width: 760 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DialogBody>
          <DraftNotice draft={form} />
          <OtherErrors errors={errors} fields={FIELDS} />
          {fieldErrors > 0 && errors.length === fieldErrors && (
            <Callout intent="danger" data-testid="form-errors" compact>
              {t('common.fixErrors', { count: fieldErrors })}
            </Callout>
          )}
          <div className="screening-form-grid" data-testid="firm-form">
            <div className="wide">{text('name', '企业名称', true)}</div>
            {text('creditCode', '统一社会信用代码')}
            {text('legalRep', '法定代表人')}
            <div className="wide">{text('address', '住所')}</div>
            <Field label="所属区县" field="district" errors={errors}>
              <InputGroup id="sc-district" value={input.district} onValueChange={(v) => set({ district: v })} list="sc-districts" />
              <datalist id="sc-districts">
                {settings.districts.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
            </Field>
            {text('sector', '行业')}
            {text('registeredOn', '成立日期')}
            {text('contacts', '联系人及电话')}
            {text('department', '责任部门')}
            <Field label="责任类型" field="departmentKind" errors={errors}>
              <HTMLSelect id="sc-departmentKind" value={input.departmentKind} onChange={(e) => set({ departmentKind: e.currentTarget.value })} options={['属地', '行业主管']} />
            </Field>
            <div className="wide">
              <Field label="经营范围" field="businessScope" errors={errors}>
                <TextArea id="sc-businessScope" fill rows={3} value={input.businessScope} onChange={(e) => set({ businessScope: e.currentTarget.value })} />
              </Field>
            </div>
          </div>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text="取消" onClick={props.onClose} />
              <Button type="submit" intent="primary" text="保存" loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
