import { Button, ProgressBar } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';

/** One register export under way: which list, how far the worker has written, and its 取消. */
export interface ExportRun {
  readonly kind: 'full' | 'public';
  readonly done: number;
  readonly total: number;
  /** Null until the worker has started. */
  readonly cancel: (() => void) | null;
}

/** The line under the toolbar while an export is written (a million creditors take a while). */
export function ExportProgress({ run }: { readonly run: ExportRun }) {
  const { t } = useTranslation('creditors');
  const share = run.total > 0 ? run.done / run.total : 0;
  return (
    <div className="creditor-totals" data-testid="export-progress">
      <span>{t('export.progress', { done: run.done.toLocaleString('zh-CN'), total: run.total.toLocaleString('zh-CN') })}</span>
      <ProgressBar className="export-progress-bar" value={share} intent="primary" stripes={share < 1} />
      <Button small icon="cross" text={t('export.cancel')} disabled={run.cancel === null} onClick={() => run.cancel?.()} />
    </div>
  );
}
