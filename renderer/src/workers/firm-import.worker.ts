/// <reference lib="webworker" />
// The screening ledger's import check in a worker: the file is parsed, every row validated, merged by
// credit code and keyword-checked here, so the window keeps answering on a 200,000-firm file. Nothing
// is written: the dialog shows the report and the repository commits what the user accepts.
import { checkFirmFile, createKeywordMatcher } from '../core/screening';
import type { FirmImportMessage, FirmImportRequest } from './firm-import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FirmImportMessage): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<FirmImportRequest>) => {
  const { bytes, fileName, sheet, context } = event.data;
  try {
    post({ type: 'progress', phase: 'read', rowsRead: 0 });
    const result = checkFirmFile(bytes, fileName, {
      ...(sheet === undefined ? {} : { sheet }),
      today: context.today,
      matcher: createKeywordMatcher(context.keywords),
      ledger: { byCode: new Map(context.byCode), pendingByName: new Map(context.pendingByName) },
      onProgress: (rowsRead) => post({ type: 'progress', phase: 'check', rowsRead }),
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
