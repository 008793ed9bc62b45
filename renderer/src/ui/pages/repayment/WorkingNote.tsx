import { ProgressBar } from '@blueprintjs/core';

/**
 * What the page shows while the repayment worker computes (issue 17): a still bar and a line of text,
 * redrawn only when the worker reports progress. Blueprint's Spinner and striped ProgressBar animate
 * every frame; on a busy two-core PC each animated frame needs the page's paint, the raster threads
 * the worker's garbage collector also uses, and the GPU process's acknowledgement before the next
 * frame may start, so the window fell 8 frames behind while a million creditors were computed.
 * `value` between 0 and 1, or null when the step has no measure yet.
 */
export function WorkingNote({ text, value, testId }: { readonly text: string; readonly value: number | null; readonly testId?: string }) {
  return (
    <div className="repayment-progress" data-testid={testId} role="status">
      <ProgressBar intent="primary" animate={false} stripes={false} value={value ?? 0} />
      <span>{text}</span>
    </div>
  );
}
