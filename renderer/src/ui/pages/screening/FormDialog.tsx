// The dialog every screening form uses: fields, errors that belong to no field above them, 取消 and 保存;
// a refused role check or the repository's field errors stay in the dialog, warnings become toasts.
import { Button, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { type ReactNode, useState } from 'react';
import type { FieldError } from '../../../core/screening';
import type { SaveResult } from '../../../db/repositories/screening-repository';
import { notify } from '../../toaster';
import { OtherErrors } from './form-bits';

export function FormDialog(props: {
  readonly title: string;
  readonly onClose: () => void;
  readonly save: () => Promise<SaveResult<unknown> | null>;
  readonly fields: readonly string[];
  readonly errors: readonly FieldError[];
  readonly setErrors: (e: readonly FieldError[]) => void;
  readonly onSaved: () => void;
  readonly done: string;
  readonly children: ReactNode;
  readonly testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await props.save();
    setBusy(false);
    if (!r) return;
    if (!r.ok) {
      props.setErrors(r.errors);
      return;
    }
    for (const w of r.warnings) void notify(w.message, 'warning');
    void notify(props.done, 'success');
    props.onSaved();
  };
  return (
    <Dialog isOpen onClose={props.onClose} title={props.title} style={{ width: 640 }}>
      <DialogBody>
        <div data-testid={props.testId}>
          <OtherErrors errors={props.errors} fields={props.fields} />
          {props.children}
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text="取消" onClick={props.onClose} />
            <Button intent="primary" text="保存" loading={busy} onClick={() => void submit()} />
          </>
        }
      />
    </Dialog>
  );
}
