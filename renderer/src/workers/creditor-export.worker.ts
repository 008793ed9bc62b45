// Builds the register's xlsx exports off the UI thread: at 100k+ creditors SheetJS takes seconds.
// Reads the case's current generation itself, so the list never crosses from the page.
import { WorkstationDb } from '../db/database';
import { createRepositories } from '../db/repositories';
import { RegisterSheet } from './creditor-register-xlsx';
import { sha256Hex } from './sha256-hex';

export interface ExportRequest {
  readonly caseId: string;
  readonly kind: 'full' | 'public';
  readonly sheetName: string;
}

export type ExportResponse =
  | { readonly type: 'built'; readonly bytes: ArrayBuffer; readonly hash: string; readonly rows: number }
  | { readonly type: 'failed'; readonly message: string };

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  void build(event.data).then(
    (r) => self.postMessage(r, { transfer: r.type === 'built' ? [r.bytes] : [] }),
    (err: unknown) => self.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies ExportResponse),
  );
});

async function build({ caseId, kind, sheetName }: ExportRequest): Promise<ExportResponse> {
  const db = new WorkstationDb();
  try {
    // The register a few blocks at a time, each block's creditors made into cells and let go.
    const sheet = new RegisterSheet(kind);
    await createRepositories(db).creditors.scanCase(caseId, (creditors) => sheet.add(creditors));
    const rows = sheet.count;
    const bytes = sheet.finish(sheetName);
    return { type: 'built', bytes: bytes.buffer as ArrayBuffer, hash: await sha256Hex(bytes), rows };
  } finally {
    db.close();
  }
}
