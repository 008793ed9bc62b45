import './fonts-messages';
import { Callout, HTMLTable, Spinner, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_SETS } from '../../../core/documents';
import type { FaceInUse } from '../../../workers/document-render-protocol';
import { useApp } from '../../app/app-context';
import { facesInUse } from '../documents/render-client';

/** Loads each role's face into the page (FontFace from bytes) so its sample line shows in it. */
async function loadSampleFaces(faces: readonly FaceInUse[]): Promise<void> {
  for (const f of faces) {
    if (!f.bytes) continue;
    const face = new FontFace(`chufei-sample-${f.role}`, f.bytes as Uint8Array<ArrayBuffer>);
    document.fonts.add(await face.load());
  }
}

/** Settings → 文书字体: per role, the face the PDF uses now, where it comes from, and a sample line. */
export function FontsPanel() {
  const { t } = useTranslation('fonts');
  const { settings } = useApp();
  const [faces, setFaces] = useState<readonly FaceInUse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    facesInUse()
      .then(async (list) => {
        await loadSampleFaces(list).catch(() => undefined);
        if (live) setFaces(list);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);
  const docx = FONT_SETS[settings.documentFontPreset];
  return (
    <div data-testid="fonts-panel">
      <p>{t('intro')}</p>
      {error && <Callout intent="danger">{t('failed', { message: error })}</Callout>}
      {!faces && !error && <Spinner size={20} aria-label={t('loading')} />}
      {faces && (
        <HTMLTable compact striped data-testid="fonts-table">
          <thead>
            <tr>
              <th>{t('role')}</th>
              <th>{t('face')}</th>
              <th>{t('origin')}</th>
              <th>{t('sample')}</th>
            </tr>
          </thead>
          <tbody>
            {faces.map((f) => (
              <tr key={f.role} data-role={f.role}>
                <td>{t(`roles.${f.role}`)}</td>
                <td data-testid={`face-${f.role}`}>{f.label}</td>
                <td>
                  <Tag minimal intent={f.origin === 'system' ? 'success' : 'none'}>
                    {f.origin === 'system' ? t('system') : t('bundled')}
                  </Tag>
                </td>
                <td className="fonts-sample" style={{ fontFamily: f.bytes ? `chufei-sample-${f.role}` : 'serif', fontSize: f.role === 'title' ? 22 : 16 }}>
                  {t(`samples.${f.role}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <p className="bp6-text-muted">{t('docx', { body: docx.body, title: docx.title, heading1: docx.heading1, heading2: docx.heading2 })}</p>
      <p className="bp6-text-muted">{t('licence')}</p>
    </div>
  );
}
