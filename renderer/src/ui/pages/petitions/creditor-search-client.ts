// The page side of workers/creditor-search.worker.ts: one worker per open picker, ended with it.
import type { FromCreditorSearch, PickedCreditor } from '../../../workers/creditor-search-protocol';

export interface CreditorSearchEvents {
  readonly onProgress: (read: number, total: number) => void;
  readonly onReady: (count: number) => void;
  readonly onFailed: (message: string) => void;
}

export interface CreditorSearch {
  /** The creditors matching `text` (the first `limit`, in register order) and how many match. */
  search(text: string, taken: readonly string[], limit: number): Promise<{ total: number; rows: readonly PickedCreditor[] }>;
  close(): void;
}

export function openCreditorSearch(caseId: string, events: CreditorSearchEvents): CreditorSearch {
  const worker = new Worker(new URL('../../../workers/creditor-search.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (found: { total: number; rows: readonly PickedCreditor[] }) => void>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<FromCreditorSearch>) => {
    const m = event.data;
    if (m.type === 'progress') events.onProgress(m.read, m.total);
    else if (m.type === 'ready') events.onReady(m.count);
    else if (m.type === 'failed') events.onFailed(m.message);
    else {
      waiting.get(m.id)?.({ total: m.total, rows: m.rows });
      waiting.delete(m.id);
    }
  });
  worker.addEventListener('error', (event) => events.onFailed(`查找程序出错：${event.message || '未知错误'}。请关闭后重新打开。`));
  worker.postMessage({ type: 'open', caseId });
  return {
    search(text, taken, limit) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: 'search', id, text, taken: [...taken], limit });
      });
    },
    close() {
      waiting.clear();
      worker.terminate();
    },
  };
}
