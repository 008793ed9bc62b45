// Compresses backup frames off the UI thread (issue 17): Chromium's CompressionStream runs on the
// thread that calls it, so a million creditors' backup compressed on the page froze the window for
// seconds. The page's pool (backup-deflate-pool.ts) sends each frame's text here, transferred.
import { deflateRaw } from '../core/backup';
import type { DeflateReply, DeflateRequest } from './backup-deflate-protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<DeflateRequest>) => void) | null; postMessage(m: DeflateReply, transfer: Transferable[]): void };

scope.onmessage = (e) => {
  const { id, text } = e.data;
  deflateRaw(text).then(
    (bytes) => scope.postMessage({ id, ok: true, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }, []),
  );
};
