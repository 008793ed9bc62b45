// Timing a step of the app on the page's own clock, for the benches that drive the built app.
//
// Playwright's `locator.waitFor` polls from outside the page: every 500 ms after its first 0.3 s,
// and each check waits for the page's thread. A step timed that way carries up to ~0.5 s of polling
// error (0.15–0.5 s seen in creditors-app, w-view2). Here the check runs inside the page on every
// animation frame, so the time is that of the frame that paints the result.
//
// May import: playwright-core, node built-ins. Never the app's modules (the benches measure the built app).
import type { Locator, Page } from 'playwright-core';

/** tsx (esbuild keepNames) wraps named functions inside page.evaluate in __name(); give the page one. */
async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name = (f) => f');
}

/**
 * When `selector` first matches, as epoch ms (Date.now(), the same clock as this process's): checked
 * in the page on every animation frame, so it is the frame that paints it. Playwright's own waitFor
 * polls from outside, every 500 ms after its first 0.3 s, and each check waits for the page's thread
 * (busy reading the rest of the register right after the first screen): it saw rows up to ~0.5 s
 * after they were painted. For a step started outside the page (a file chosen); `msToPaint` times
 * one started inside it.
 */
export async function shownAt(page: Page, selector: string, timeoutMs: number): Promise<number> {
  await allowNamedFunctions(page);
  const seen = await page.waitForFunction((sel) => (document.querySelector(sel) ? Date.now() : 0), selector, { polling: 'raf', timeout: timeoutMs });
  return (await seen.jsonValue()) as number;
}

/** What the page shows when a step is done: an element matching `selector` (and `text`, if given) that was not there before the step. */
export interface Shown {
  readonly selector: string;
  readonly text?: RegExp;
}

/** How a step starts, done inside the page: a click on an element, or the app's route changed. */
export type PageAction = { readonly click: Locator } | { readonly hash: string };

/**
 * Ms from the action, done in the page, to the frame that paints each of `shown` (in the order
 * given; a later one may come first), all on the page's own clock. Checked on every animation frame;
 * a task queued from the frame that first matches runs once that frame is painted, and that is the
 * time taken. Elements that already matched before the action do not count (an earlier toast).
 */
export async function msToPaint(page: Page, action: PageAction, shown: readonly Shown[], timeoutMs: number): Promise<number[]> {
  const target = 'click' in action ? await action.click.elementHandle({ timeout: timeoutMs }) : null;
  const hash = 'hash' in action ? action.hash : null;
  const wanted = shown.map((s) => ({ selector: s.selector, source: s.text?.source ?? null, flags: s.text?.flags ?? '' }));
  await allowNamedFunctions(page);
  return page.evaluate(
    ({ target, hash, wanted, timeoutMs }) =>
      new Promise<number[]>((ok, fail) => {
        const matching = (w: (typeof wanted)[number]) => {
          const re = w.source === null ? null : new RegExp(w.source, w.flags);
          return [...document.querySelectorAll(w.selector)].filter((el) => re === null || re.test(el.textContent ?? ''));
        };
        const before = wanted.map((w) => new Set(matching(w)));
        const at: (number | null)[] = wanted.map(() => null);
        let left = wanted.length;
        const t0 = performance.now();
        const tick = () => {
          wanted.forEach((w, i) => {
            if (at[i] !== null || !matching(w).some((el) => !before[i]?.has(el))) return;
            at[i] = -1;
            // This frame paints it; a task queued from its callback runs once it is painted.
            setTimeout(() => {
              at[i] = performance.now() - t0;
              left -= 1;
              if (left === 0) ok(at as number[]);
            }, 0);
          });
          if (at.every((t) => t !== null)) return;
          if (performance.now() - t0 > timeoutMs) fail(new Error(`not shown within ${timeoutMs} ms: ${wanted.filter((_, i) => at[i] === null).map((w) => w.selector).join(', ')}`));
          else requestAnimationFrame(tick);
        };
        if (target) (target as HTMLElement).click();
        else if (hash !== null) location.hash = hash;
        requestAnimationFrame(tick);
      }),
    { target, hash, wanted, timeoutMs },
  );
}
