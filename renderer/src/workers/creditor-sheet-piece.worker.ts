// Parses one piece of a large sheet (core/creditors/xlsx-split.ts) with SheetJS and sends its rows
// back to the creditor import worker, which parses the first piece itself meanwhile (issue 17).
import { readSheetPiece, SpreadsheetError } from '../core/creditors';
import { packedBuffers, packSheetRows } from '../core/creditors/packed-rows';
import type { FromPieceWorker, ToPieceWorker } from './creditor-sheet-piece-protocol';

function post(message: FromPieceWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.addEventListener('message', (event: MessageEvent<ToPieceWorker>) => {
  const { sheet, files, options, fileName } = event.data;
  post({ type: 'started' });
  performance.mark('piece:started');
  try {
    const rows = readSheetPiece(files, sheet, options, fileName);
    performance.mark('piece:parsed');
    // Packed, the rows cross as a few buffers and one string instead of 50,000 cloned arrays.
    const packed = packSheetRows(rows);
    if (packed) post({ type: 'rows', packed }, packedBuffers(packed));
    else post({ type: 'rows', rows });
    performance.mark('piece:rows-posted');
  } catch (err) {
    if (err instanceof SpreadsheetError) post({ type: 'unreadable', code: err.code, message: err.message });
    else throw err;
  }
});

// A nested worker starts, and gets its messages, through the worker that made it: that one waits
// for 'ready' before handing out a piece and for 'started' before parsing its own.
post({ type: 'ready' });
