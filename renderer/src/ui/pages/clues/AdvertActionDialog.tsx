import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { ADVERT_ACTION_KINDS, type FieldError } from '../../../core/clues';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';

export interface AdvertActionTarget {
  readonly kind: 'advert' | 'advertiser';
  readonly id: string;
  readonly label: string;
}

/** 约谈/警告/责令停止发布/移送公安 on one advert or on an advertiser (all its adverts), with its date and document. */
export function AdvertActionDialog({ target, onClose, onDone }: { readonly target: AdvertActionTarget; readonly onClose: () => void; readonly onDone: () => void }) {
  const { repos } = useApp();
  const [kind, setKind] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [documentNo, setDocumentNo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const save = async () => {
    try {
      const r = await repos.monitoring.addAction(target.kind, target.id, { kind, date, documentNo, note });
      if (r.ok) onDone();
      else setErrors(r.errors);
    } catch (e) {
      setErrors([{ field: 'kind', message: e instanceof Error ? e.message : String(e) }]);
    }
  };
  return (
    <Dialog isOpen title={`处置：${target.label}`} onClose={onClose}>
      <DialogBody>
        {errors.length > 0 && <Callout intent="danger">{errors.map((e) => (<div key={e.field}>{e.message}</div>))}</Callout>}
        <FieldRow label="措施" labelFor="act-kind" required>
          <HTMLSelect id="act-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">请选择</option>
            {ADVERT_ACTION_KINDS.map((k) => (<option key={k} value={k}>{k}</option>))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label="日期" labelFor="act-date" required><DateField id="act-date" value={date} onValueChange={setDate} /></FieldRow>
        <FieldRow label="文书文号" labelFor="act-doc" hint="责令停止发布、移送公安须填写"><InputGroup id="act-doc" value={documentNo} onValueChange={setDocumentNo} /></FieldRow>
        <FieldRow label="说明" labelFor="act-note"><InputGroup id="act-note" value={note} onValueChange={setNote} /></FieldRow>
      </DialogBody>
      <DialogFooter actions={[<Button key="c" text="取消" onClick={onClose} />, <Button key="s" intent="primary" text="保存" onClick={() => void save()} />]} />
    </Dialog>
  );
}
