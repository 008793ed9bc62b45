import { Button, Callout, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { isExchangeError, PACKAGE_FILE_EXTENSION, sectionOf } from '../../../core/exchange';
import type { ImportPreview } from '../../../db/repositories/exchange-repository';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import './messages';

interface Picked {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** The city imports a district's package: verified and previewed first, then written in one go. */
export function ImportPackageTab() {
  const { t } = useTranslation('exchange');
  const { repos, bridge, can } = useApp();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: Picked, pass: string) => {
    setBusy(true);
    setRefusal(null);
    setPreview(null);
    try {
      setPreview(await repos.exchange.previewImport(file.bytes, file.fileName, pass || undefined));
      setNeedsPassphrase(false);
    } catch (e) {
      if (isExchangeError(e) && (e.code === 'PASSPHRASE_REQUIRED' || e.code === 'WRONG_PASSPHRASE')) setNeedsPassphrase(true);
      setRefusal(`${file.fileName}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const file = await bridge.openFile({ title: t('import.choose'), filters: [{ name: '报送包', extensions: [PACKAGE_FILE_EXTENSION] }] });
    if (file.status !== 'opened') return;
    const next = { fileName: file.fileName, bytes: file.bytes };
    setPicked(next);
    setDone(null);
    setPassphrase('');
    await check(next, '');
  };

  const confirm = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      const outcome = await repos.exchange.importPackage(picked.bytes, picked.fileName, passphrase || undefined);
      const landed = outcome.landed.map((l) => t(l.target === 'clue' ? 'import.landedClue' : 'import.landedPetition', { from: l.fromNumber, number: l.number })).join('');
      setDone(outcome.alreadyImported ? t('import.same') : `${t('import.done', outcome.counts)}${landed}`);
      setPreview(null);
      setPicked(null);
    } catch (e) {
      setRefusal(`${picked.fileName}：${e instanceof Error ? e.message : String(e)}`);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exchange-import" data-testid="exchange-import">
      <p className="muted">{t('import.intro')}</p>
      <Button icon="import" intent="primary" loading={busy && !preview} disabled={!can('exchange.import')} text={t('import.choose')} onClick={() => void choose()} />
      {done && (
        <Callout intent="success" data-testid="import-done">
          {done}
        </Callout>
      )}
      {refusal && (
        <Callout intent="danger" title={t('import.refused')} data-testid="import-refused">
          {refusal}
        </Callout>
      )}
      {picked && needsPassphrase && (
        <div className="exchange-passphrase">
          <FieldRow label={t('import.passphrase')} labelFor="ex-import-pass">
            <InputGroup id="ex-import-pass" type="password" value={passphrase} onValueChange={setPassphrase} />
          </FieldRow>
          <Button text={t('import.retry')} onClick={() => void check(picked, passphrase)} />
        </div>
      )}
      {preview && <PreviewTable preview={preview} busy={busy} onConfirm={() => void confirm()} onCancel={() => {
            setPreview(null);
            setPicked(null);
          }} />}
    </div>
  );
}

function PreviewTable(props: { readonly preview: ImportPreview; readonly busy: boolean; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const { t } = useTranslation('exchange');
  const { header: h, byKind, counts } = props.preview;
  const kinds = [...new Set([...Object.keys(h.counts), ...Object.keys(byKind)])];
  return (
    <Callout intent={props.preview.alreadyImported ? 'primary' : 'none'} title={t('import.preview')} className="exchange-preview" data-testid="import-preview">
      <HTMLTable compact>
        <tbody>
          <tr>
            <th>{t('import.sender')}</th>
            <td data-testid="preview-sender">{h.sender.name}</td>
          </tr>
          <tr>
            <th>{t('import.period')}</th>
            <td>{h.period.label}</td>
          </tr>
          <tr>
            <th>{t('import.createdAt')}</th>
            <td>{formatOfficeDateTime(h.createdAt)}</td>
          </tr>
          <tr>
            <th>{t('import.version')}</th>
            <td>
              {h.appVersion} / {h.schemaVersion}
            </td>
          </tr>
          <tr>
            <th>{t('import.personal')}</th>
            <td>{h.personalData.included ? t('make.personalIncluded', { reason: h.personalData.reason }) : t('make.personalMasked')}</td>
          </tr>
        </tbody>
      </HTMLTable>
      <HTMLTable compact striped className="exchange-changes" data-testid="preview-changes">
        <thead>
          <tr>
            <th>{t('import.kind')}</th>
            <th>{t('import.added')}</th>
            <th>{t('import.changed')}</th>
            <th>{t('import.unchanged')}</th>
            <th>{t('import.removed')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const c = byKind[k] ?? { added: 0, changed: 0, unchanged: h.counts[k] ?? 0, removed: 0 };
            return (
              <tr key={k}>
                <td>{sectionOf(k).label}</td>
                <td>{c.added}</td>
                <td>{c.changed}</td>
                <td>{c.unchanged}</td>
                <td>{c.removed}</td>
              </tr>
            );
          })}
          <tr>
            <td className="total">合计</td>
            <td className="total">{counts.added}</td>
            <td className="total">{counts.changed}</td>
            <td className="total">{counts.unchanged}</td>
            <td className="total">{counts.removed}</td>
          </tr>
        </tbody>
      </HTMLTable>
      {props.preview.alreadyImported && <p>{t('import.alreadyImported')}</p>}
      {props.preview.pinsKey && <p>{t('import.pinsKey')}</p>}
      <div className="button-row">
        <Button intent="primary" loading={props.busy} text={t('import.confirm')} onClick={props.onConfirm} />
        <Button text={t('import.cancel')} onClick={props.onCancel} />
      </div>
    </Callout>
  );
}
