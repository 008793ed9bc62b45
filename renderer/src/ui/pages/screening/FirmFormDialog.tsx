import { Button, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { EMPTY_FIRM_INPUT, type FieldError, type Firm, type FirmInput, firmToInput } from '../../../core/screening';
import { useApp } from '../../app/app-context';
import { Field, guarded, notify, OtherErrors } from './form-bits';

const FIELDS: readonly string[] = Object.keys(EMPTY_FIRM_INPUT);

/** Adds a firm to the ledger or changes one; what was typed stays when a field is refused. */
export function FirmFormDialog(props: { readonly firm: Firm | null; readonly onClose: () => void; readonly onSaved: (firm: Firm) => void }) {
  const { repos, settings } = useApp();
  const [input, setInput] = useState<FirmInput>(props.firm ? firmToInput(props.firm) : EMPTY_FIRM_INPUT);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<FirmInput>) => setInput((v) => ({ ...v, ...patch }));
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
    for (const w of r.warnings) void notify(w.message, 'warning');
    if (r.value.keywordHits.length > 0) void notify(`含涉金融关键字样“${r.value.keywordHits.join('、')}”，已标为待评估`, 'warning');
    else void notify(`已保存：${r.value.name}`);
    props.onSaved(r.value);
  };
  return (
    <Dialog isOpen onClose={props.onClose} title={props.firm ? `修改排查对象：${props.firm.name}` : '新增排查对象'} style={{ width: 760 }}>
      <DialogBody>
        <OtherErrors errors={errors} fields={FIELDS} />
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
            <Button intent="primary" text="保存" loading={busy} onClick={() => void save()} />
          </>
        }
      />
    </Dialog>
  );
}
