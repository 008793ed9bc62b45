/// <reference lib="webworker" />
// The advert import's check in a worker: the monitoring export is hashed (a re-import is named by
// its SHA-256), parsed and every row checked here, against the ledger's fingerprints sent as plain
// data, so the window keeps answering on a 100,000-row file. Nothing is written: the page shows the
// row report and MonitoringRepository.commitImport stores what the user accepts.
import { checkAdvertFile } from '../core/clues/adverts';
import type { AdvertImportMessage, AdvertImportRequest } from './advert-import-protocol';
import { sha256Hex } from './sha256-hex';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: AdvertImportMessage): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<AdvertImportRequest>) => {
  const { bytes, fileName, sheet, context } = event.data;
  try {
    post({ type: 'progress', phase: 'read', rowsRead: 0 });
    const sha256 = await sha256Hex(bytes);
    const result = checkAdvertFile(bytes, fileName, {
      ...(sheet === undefined ? {} : { sheet }),
      today: context.today,
      known: new Set(context.known),
      onProgress: (rowsRead) => post({ type: 'progress', phase: 'check', rowsRead }),
    });
    post({ type: 'done', result, sha256 });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
