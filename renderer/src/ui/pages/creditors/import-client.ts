// The UI side of creditor-import.worker.ts: one worker per wizard, ended when the wizard closes.
import type { FromWorker, ToWorker } from '../../../workers/creditor-import-protocol';

export interface ImportWorker {
  send(message: ToWorker, transfer?: Transferable[]): void;
  /** Stops the worker (see endWorker); settles once it is terminated. Safe to call twice. */
  end(): Promise<void>;
}

export function startImportWorker(onMessage: (message: FromWorker) => void): ImportWorker {
  const worker = new Worker(new URL('../../../workers/creditor-import.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
  worker.addEventListener('error', (event) => onMessage({ type: 'failed', message: `导入程序出错：${event.message || '未知错误'}。请关闭导入窗口后重试。` }));
  let ended: Promise<void> | null = null;
  return {
    send: (message, transfer = []) => worker.postMessage(message, transfer),
    end: () => {
      ended ??= endWorker(worker);
      return ended;
    },
  };
}

/**
 * Lets the worker stop and delete blocks it wrote ahead of a commit that will not come (they hold
 * personal data), then ends it; a worker that does not answer within 3 s is ended anyway and its
 * blocks are removed at the next start.
 */
function endWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.terminate();
      resolve();
    }, 3000);
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (event.data.type !== 'closed') return;
      clearTimeout(timer);
      worker.terminate();
      resolve();
    });
    worker.postMessage({ type: 'close' } satisfies ToWorker);
  });
}

/** Header layout key under which a corrected column mapping is remembered. */
export function layoutKey(headers: readonly string[]): string {
  return headers.map((h) => h.replace(/\s+/g, '')).join('|');
}

export interface RememberedMappings {
  readonly mappings: Readonly<Record<string, import('../../../core/creditors').ColumnMapping>>;
}

export const CREDITOR_SETTINGS_SECTION = 'creditors';
export const DEFAULT_REMEMBERED: RememberedMappings = { mappings: {} };
