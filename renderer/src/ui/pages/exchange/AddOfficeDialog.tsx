import { Button, Dialog, DialogBody, DialogFooter, InputGroup, Radio, RadioGroup } from '@blueprintjs/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../core/common/field-errors';
import type { OfficeField, OfficeLevel } from '../../../core/exchange';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import './messages';

/** Registers an office by the fingerprint its staff read out over the phone. */
export function AddOfficeDialog(props: { readonly isOpen: boolean; readonly onClose: () => void; readonly onAdded: (name: string) => Promise<void> }) {
  const { t } = useTranslation('exchange');
  const { repos } = useApp();
  const [form, setForm] = useState<{ name: string; level: OfficeLevel; district: string; fingerprint: string }>({ name: '', level: 'district', district: '', fingerprint: '' });
  const [errors, setErrors] = useState<FieldErrors<OfficeField>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await repos.exchange.addOfficeByFingerprint(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setForm({ name: '', level: 'district', district: '', fingerprint: '' });
    await props.onAdded(result.value.name);
  };

  return (
    <Dialog isOpen={props.isOpen} onClose={props.onClose} title={t('settings.dialogTitle')}>
      <form onSubmit={submit} noValidate>
        <DialogBody>
          <FieldRow label={t('settings.name')} labelFor="fp-name" error={errors.name} required>
            <InputGroup id="fp-name" value={form.name} onValueChange={(name) => setForm({ ...form, name })} />
          </FieldRow>
          <RadioGroup selectedValue={form.level} onChange={(e) => setForm({ ...form, level: e.currentTarget.value as OfficeLevel })} inline>
            <Radio value="district" label={t('settings.levels.district')} />
            <Radio value="city" label={t('settings.levels.city')} />
          </RadioGroup>
          {form.level === 'district' && (
            <FieldRow label={t('settings.district')} labelFor="fp-district" error={errors.district} required>
              <InputGroup id="fp-district" value={form.district} onValueChange={(district) => setForm({ ...form, district })} />
            </FieldRow>
          )}
          <FieldRow label={t('settings.fingerprintField')} labelFor="fp-fingerprint" error={errors.fingerprint} required>
            <InputGroup id="fp-fingerprint" className="fingerprint" value={form.fingerprint} placeholder="12345 67890 12345 67890 12345" onValueChange={(fingerprint) => setForm({ ...form, fingerprint })} />
          </FieldRow>
        </DialogBody>
        <DialogFooter actions={<Button type="submit" intent="primary" text={t('settings.add')} />} />
      </form>
    </Dialog>
  );
}
