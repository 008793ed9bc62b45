import { useCallback, useEffect, useRef } from 'react';

/** One import check: its own worker, its messages delivered only while it is still the latest. */
export interface ImportCheckRun {
  /**
   * False once 取消 was pressed, a newer check began or the page was left: whatever this check was
   * still waiting for (the file being read, a lookup in the store) is then to be dropped, not shown.
   */
  readonly current: () => boolean;
  /**
   * Starts this check's worker (ending any earlier one). Its messages reach onMessage, and a crash
   * reaches onError with a reason in Chinese, only while the check is current; a message already on
   * its way when 取消 was pressed is dropped.
   */
  readonly start: <M>(make: () => Worker, onMessage: (message: M) => void, onError: (why: string) => void) => Worker;
  /** Ends this check's worker once its answer is in (a check no longer current has none left). */
  readonly finish: () => void;
}

/**
 * The worker start / 取消 / run-number logic of the import checks (监测广告, 排查对象): each check
 * has its number, and 取消, a newer file or leaving the page moves it on, so a cancelled file's
 * report never appears and a user cannot import a file they cancelled (CI once showed a cancelled
 * 300,000-row check's report appear after 取消).
 */
export function useImportCheck(): { readonly begin: () => ImportCheckRun; readonly cancel: () => void } {
  const worker = useRef<Worker | null>(null);
  const run = useRef(0);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  const cancel = useCallback(() => {
    run.current += 1;
    stop();
  }, [stop]);
  // Leaving the page ends a check still running, and drops what it was waiting for.
  useEffect(() => cancel, [cancel]);

  const begin = useCallback((): ImportCheckRun => {
    run.current += 1;
    const mine = run.current;
    const current = () => run.current === mine;
    return {
      current,
      start: <M>(make: () => Worker, onMessage: (message: M) => void, onError: (why: string) => void) => {
        stop();
        const w = make();
        worker.current = w;
        w.onmessage = (event: MessageEvent<M>) => {
          if (current()) onMessage(event.data);
        };
        w.onerror = (event) => {
          event.preventDefault();
          if (!current()) return;
          stop();
          onError(event.message || '后台校验意外停止');
        };
        return w;
      },
      finish: () => {
        if (current()) stop();
      },
    };
  }, [stop]);
  return { begin, cancel };
}

/** The line both checks show while their worker runs: the file being read, then the rows read so far. */
export function checkProgressText(progress: { readonly phase: string; readonly rowsRead: number }): string {
  return progress.phase === 'read' ? '正在读取文件…' : `正在校验：已读到第 ${progress.rowsRead.toLocaleString('zh-CN')} 行`;
}
