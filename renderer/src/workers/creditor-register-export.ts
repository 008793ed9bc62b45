// One register export: the case's current register read 20 blocks at a time (scanCase) and written
// into the streaming xlsx as it is read, with progress and cancel. The worker runs it; tests call
// it on a fake IndexedDB.
import type { Repositories } from '../db/repositories';
import type { BuiltExport, ExportRequest } from './creditor-export-protocol';
import { RegisterXlsxWriter } from './register-xlsx-stream';

export interface RegisterExportOptions {
  /** Rows per sheet, header included (Excel's 1,048,576 unless a test sets a small one). */
  readonly maxRows?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export async function exportRegister(repos: Repositories, request: ExportRequest, options: RegisterExportOptions = {}): Promise<BuiltExport> {
  const { caseId, kind, sheetName } = request;
  const total = (await repos.creditors.summary(caseId))?.count ?? 0;
  const writer = new RegisterXlsxWriter({ kind, sheetName, total, maxRows: options.maxRows });
  options.onProgress?.(0, total);
  await repos.creditors.scanCase(
    caseId,
    (creditors) => {
      writer.add(creditors);
      options.onProgress?.(writer.count, total);
    },
    options.signal,
  );
  const built = writer.finish();
  return { file: built.file, hash: built.hash, rows: built.rows, sheetNames: built.sheetNames };
}
