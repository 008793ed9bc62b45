import { Button, ProgressBar } from '@blueprintjs/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunningExport } from './export-client';

/** One register export under way: which list, and the worker's run once it has started. */
export interface ExportRun {
  readonly kind: 'full' | 'public';
  readonly total: number;
  readonly run: RunningExport | null;
}

const NOT_STARTED = () => () => {};

/**
 * The line under the toolbar while an export is written (a million creditors take a while): only
 * this line renders again on each step, never the register page with its table.
 */
export function ExportProgress({ exporting }: { readonly exporting: ExportRun }) {
  const { t } = useTranslation('creditors');
  const { run } = exporting;
  const progress = useSyncExternalStore(run?.subscribe ?? NOT_STARTED, () => run?.progress() ?? null);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? exporting.total;
  const share = total > 0 ? done / total : 0;
  return (
    <div className="creditor-totals" data-testid="export-progress">
      <span>{t('export.progress', { done: done.toLocaleString('zh-CN'), total: total.toLocaleString('zh-CN') })}</span>
      <ProgressBar className="export-progress-bar" value={share} intent="primary" stripes={share < 1} />
      <Button small icon="cross" text={t('export.cancel')} disabled={run === null} onClick={() => run?.cancel()} />
    </div>
  );
}
