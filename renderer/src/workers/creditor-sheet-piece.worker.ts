// Parses one piece of a large sheet (core/creditors/xlsx-split.ts) with SheetJS and sends its rows
// back to the creditor import worker, which parses the first piece itself meanwhile (issue 17).
import { readSheetPiece, SpreadsheetError } from '../core/creditors';
import type { FromPieceWorker, ToPieceWorker } from './creditor-sheet-piece-protocol';

function post(message: FromPieceWorker): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ToPieceWorker>) => {
  const { sheet, files, options, fileName } = event.data;
  post({ type: 'started' });
  try {
    const rows = readSheetPiece(files, sheet, options, fileName);
    post({ type: 'rows', rows });
  } catch (err) {
    if (err instanceof SpreadsheetError) post({ type: 'unreadable', code: err.code, message: err.message });
    else throw err;
  }
});

// A nested worker starts, and gets its messages, through the worker that made it: that one waits
// for 'ready' before handing out a piece and for 'started' before parsing its own.
post({ type: 'ready' });
