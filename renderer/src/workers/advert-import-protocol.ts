// Messages between the advert monitoring page and advert-import.worker.ts (issue 15: a monitoring
// platform's export of 100,000 adverts is read and checked off the window's thread, with progress).
import type { AdvertCheckResult } from '../core/clues/adverts';
import type { AdvertImportContext } from '../db/repositories/monitoring-repository';

export interface AdvertImportRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly sheet?: string;
  readonly context: AdvertImportContext;
}

export type AdvertImportMessage =
  | { readonly type: 'progress'; readonly phase: 'read' | 'check'; readonly rowsRead: number }
  | { readonly type: 'done'; readonly result: AdvertCheckResult; readonly sha256: string }
  | { readonly type: 'failed'; readonly message: string };
