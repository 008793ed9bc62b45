import { Callout } from '@blueprintjs/core';
import { Dexie } from 'dexie';
import { useEffect, useState } from 'react';
import type { Root } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import type { WorkstationDb } from '../../db/database';
import { recordingBackups } from '../../db/store-guard/recording-backups';
import { acceptEmptyStore, assessStoreAtStart, noteBackup, noteStoreContents } from '../../db/store-guard/store-keeper';
import type { Bridge } from '../../platform/bridge';
import { StoreLostScreen } from './StoreLostScreen';
import './storage-messages';
import './store-lost.css';

// The start-up side of issue 12, kept out of main.tsx and the other start-up checks: judge the store
// before it is opened, keep the store record current while the app runs, and say at once when the
// browser closes the database under the app.

/** Resolves when the app may open the database: at once, or after the user chose the empty store. */
export async function guardStore(root: Root, bridge: Bridge, appVersion: string): Promise<void> {
  let checked: Awaited<ReturnType<typeof assessStoreAtStart>>;
  try {
    checked = await assessStoreAtStart(bridge.storeRecord);
  } catch (error) {
    // The check must never keep the office out of its data.
    console.warn(`[store-guard] start-up check failed: ${String(error)}`);
    return;
  }
  const { assessment } = checked;
  if (assessment.status !== 'lost') return;
  await new Promise<void>((resolve) =>
    root.render(
      <StoreLostScreen
        lost={assessment}
        bridge={bridge}
        appVersion={appVersion}
        onContinueEmpty={() =>
          // Starting over empty is the user's decision: the old chain's anchor goes with the old data.
          void Promise.all([acceptEmptyStore(bridge.storeRecord), bridge.auditAnchor.write('{}').catch(() => undefined)]).then(() => resolve(), resolve)
        }
      />,
    ),
  );
}

/** The record follows the data this long after a change (one write however many changes). */
export const RECORD_AFTER_CHANGE_MS = 3000;
export const RECORD_EVERY_MS = 5 * 60 * 1000;

/** The record now, a few seconds after data changed, every few minutes, and after every backup. */
export function keepStoreRecord(db: WorkstationDb, bridge: Bridge): Bridge {
  const port = bridge.storeRecord;
  const refresh = () => void noteStoreContents(port, db).catch(() => undefined);
  refresh();
  setInterval(refresh, RECORD_EVERY_MS);
  const ours = `idb://${db.name}/`;
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  Dexie.on('storagemutated', (parts) => {
    if (scheduled !== null || !Object.keys(parts).some((key) => key.startsWith(ours))) return;
    scheduled = setTimeout(() => {
      scheduled = null;
      refresh();
    }, RECORD_AFTER_CHANGE_MS);
  });
  const backups = recordingBackups(bridge.backups, (fileName, automatic) => {
    void noteBackup(port, db, { at: new Date().toISOString(), fileName, automatic }).catch(() => undefined);
  });
  return { ...bridge, backups };
}

/**
 * Chromium closes the connection when it drops a damaged store: nothing typed after that is saved.
 * Only the IDBDatabase's own 'close' event means that (it fires for abnormal closes only); Dexie's
 * 'close' also fires for ordinary ones, such as a restore replacing the database.
 */
export function StoreClosedNotice({ db }: { db: Dexie }) {
  const { t } = useTranslation('storage');
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    const onClose = () => setClosed(true);
    let watched: IDBDatabase | null = null;
    const watch = () => {
      watched?.removeEventListener('close', onClose);
      watched = db.isOpen() ? db.backendDB() : null;
      watched?.addEventListener('close', onClose);
    };
    watch();
    db.on('ready', watch);
    return () => {
      watched?.removeEventListener('close', onClose);
      db.on('ready').unsubscribe(watch);
    };
  }, [db]);
  if (!closed) return null;
  return (
    <div className="store-closed" data-testid="store-closed">
      <Callout intent="danger" title={t('closed.title')}>
        {t('closed.text')}
      </Callout>
    </div>
  );
}
