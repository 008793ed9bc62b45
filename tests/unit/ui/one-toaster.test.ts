import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every page shows its short messages through ui/toaster.ts's `notify`: one toaster for the app, so
// two pages' messages stack in one column instead of drawing over each other (each
// OverlayToaster.create adds its own container at the top of the window).
const ui = join(__dirname, '..', '..', '..', 'renderer', 'src', 'ui');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('one toaster for the app', () => {
  it('only ui/toaster.ts makes a toaster', () => {
    const makers = files(ui).filter((f) => /OverlayToaster|<Toaster\b|\bToaster\.create/.test(readFileSync(f, 'utf8')));
    expect(makers.map((f) => relative(ui, f))).toEqual(['toaster.ts']);
  });
});
