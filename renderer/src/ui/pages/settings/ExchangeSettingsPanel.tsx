import { Button, Callout, HTMLTable, InputGroup, Radio, RadioGroup, Tag } from '@blueprintjs/core';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../core/common/field-errors';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { KEY_FILE_EXTENSION, OFFICE_LEVEL_LABELS, type OfficeLevel } from '../../../core/exchange';
import type { ExchangeOfficeRow } from '../../../db/records';
import type { ExchangeIdentity } from '../../../db/repositories/exchange-repository';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import { AddOfficeDialog } from '../exchange/AddOfficeDialog';
import '../exchange/messages';
import '../exchange/exchange.css';
import { notify } from '../../toaster';

// 设置 → 报送与密钥: this office's identity and signing key, and the offices whose packages it accepts.
export function ExchangeSettingsPanel() {
  const { t } = useTranslation('exchange');
  const { repos, bridge, can, settings } = useApp();
  const admin = can('exchange.keys');
  const [identity, setIdentity] = useState<ExchangeIdentity | null>(null);
  const [offices, setOffices] = useState<readonly ExchangeOfficeRow[]>([]);
  const [form, setForm] = useState<{ name: string; level: OfficeLevel; district: string }>({ name: '', level: 'district', district: '' });
  const [errors, setErrors] = useState<FieldErrors<'name' | 'level' | 'district'>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);

  const reload = useCallback(async () => {
    const [id, list] = await Promise.all([repos.exchange.identity(), repos.exchange.offices()]);
    setIdentity(id);
    setOffices(list);
    if (id) setForm({ name: id.office.name, level: id.office.level, district: id.office.district });
    else setForm((f) => ({ ...f, name: f.name || settings.officeName, district: f.district || (settings.districts.length === 1 ? (settings.districts[0] ?? '') : '') }));
  }, [repos, settings]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = await repos.exchange.saveIdentity(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    await reload();
    await notify(t('settings.saved'), 'success');
  };

  const exportKey = async () => {
    const file = await repos.exchange.exportKeyFile();
    const saved = await bridge.saveFile({ suggestedName: file.fileName, filters: [{ name: '公钥文件', extensions: [KEY_FILE_EXTENSION] }], bytes: new TextEncoder().encode(file.text) });
    if (saved.status === 'saved') await notify(t('settings.exported'), 'success');
  };

  const addFromFile = async () => {
    const picked = await bridge.openFile({ title: t('settings.addFile'), filters: [{ name: '公钥文件', extensions: [KEY_FILE_EXTENSION] }] });
    if (picked.status !== 'opened') return;
    const result = await repos.exchange.addOfficeFromKeyFile(new TextDecoder().decode(picked.bytes));
    if (!result.ok) {
      setFileError(`${picked.fileName}：${result.message}`);
      return;
    }
    setFileError(null);
    await reload();
    await notify(t('settings.added', { name: result.office.name }), 'success');
  };

  const remove = async (office: ExchangeOfficeRow) => {
    if (!globalThis.confirm(t('settings.removeConfirm', { name: office.name }))) return;
    await repos.exchange.removeOffice(office.id);
    await reload();
  };

  return (
    <div className="exchange-settings" data-testid="exchange-settings">
      <h3>{t('settings.identity')}</h3>
      <p className="muted">{t('settings.identityIntro')}</p>
      {!admin && <Callout intent="primary">{t('settings.adminOnly')}</Callout>}
      <form className="settings-form" onSubmit={save} noValidate>
        <div className="form-grid">
          <FieldRow label={t('settings.name')} labelFor="ex-name" error={errors.name} required>
            <InputGroup id="ex-name" value={form.name} disabled={!admin} onValueChange={(name) => setForm({ ...form, name })} />
          </FieldRow>
          <FieldRow label={t('settings.level')} error={errors.level}>
            <RadioGroup selectedValue={form.level} disabled={!admin} onChange={(e) => setForm({ ...form, level: e.currentTarget.value as OfficeLevel })} inline>
              <Radio value="district" label={t('settings.levels.district')} />
              <Radio value="city" label={t('settings.levels.city')} />
            </RadioGroup>
          </FieldRow>
          {form.level === 'district' && (
            <FieldRow label={t('settings.district')} labelFor="ex-district" error={errors.district} required>
              <InputGroup id="ex-district" value={form.district} disabled={!admin} onValueChange={(district) => setForm({ ...form, district })} />
            </FieldRow>
          )}
        </div>
        {admin && <Button type="submit" intent="primary" text={t('settings.save')} />}
      </form>
      {identity && (
        <HTMLTable compact className="exchange-identity" data-testid="exchange-identity">
          <tbody>
            <tr>
              <th>{t('settings.officeId')}</th>
              <td className="mono">{identity.office.id}</td>
            </tr>
            <tr>
              <th>{t('settings.fingerprint')}</th>
              <td className="fingerprint" data-testid="own-fingerprint">
                {identity.fingerprint}
              </td>
            </tr>
          </tbody>
        </HTMLTable>
      )}
      {identity && <Button icon="export" text={t('settings.exportKey')} onClick={() => void exportKey()} />}

      <h3>{t('settings.offices')}</h3>
      <p className="muted">{t('settings.officesIntro')}</p>
      {admin && (
        <div className="button-row">
          <Button icon="import" text={t('settings.addFile')} onClick={() => void addFromFile()} />
          <Button icon="phone" text={t('settings.addFingerprint')} onClick={() => setDialog(true)} />
        </div>
      )}
      {fileError && (
        <Callout intent="danger" data-testid="key-file-error">
          {fileError}
        </Callout>
      )}
      {offices.length === 0 ? (
        <p className="muted">{t('settings.noOffices')}</p>
      ) : (
        <HTMLTable compact striped data-testid="exchange-offices">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('settings.level')}</th>
              <th>{t('settings.district')}</th>
              <th>{t('settings.fingerprint')}</th>
              <th>{t('settings.keyState')}</th>
              <th>{t('settings.addedBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{OFFICE_LEVEL_LABELS[o.level]}</td>
                <td>{o.district}</td>
                <td className="fingerprint">{o.fingerprint}</td>
                <td>{o.publicKey ? <Tag intent="success">{t('settings.hasKey')}</Tag> : <Tag intent="warning">{t('settings.waitingKey')}</Tag>}</td>
                <td>
                  {o.addedBy} {formatOfficeDateTime(o.addedAt)}
                </td>
                <td>{admin && <Button small minimal intent="danger" text={t('settings.remove')} onClick={() => void remove(o)} />}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <AddOfficeDialog
        isOpen={dialog}
        onClose={() => setDialog(false)}
        onAdded={async (name) => {
          setDialog(false);
          await reload();
          await notify(t('settings.added', { name }), 'success');
        }}
      />
    </div>
  );
}
