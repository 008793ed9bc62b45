import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { getPath: () => '/tmp' }, dialog: {} }));

const { beforeQuitDone, installQuitBackup } = await import('../../../electron/main/quit-backup');
const { BEFORE_QUIT_EVENT } = await import('../../../electron/shared/ipc-contract');

function fakeWindow(crashed = false) {
  const window = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const contents = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const sent: string[] = [];
  let closes = 0;
  contents.send = (channel: string) => sent.push(channel);
  contents.isCrashed = () => crashed;
  window.webContents = contents;
  window.isDestroyed = () => false;
  window.close = () => {
    closes++;
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    window.emit('close', event);
    return event.defaultPrevented;
  };
  const tryClose = () => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    window.emit('close', event);
    return !event.defaultPrevented;
  };
  return { window, contents, sent, tryClose, closes: () => closes };
}

describe('the quit backup', () => {
  it('holds the close, asks the page for a backup, and closes when it is done', () => {
    const w = fakeWindow();
    installQuitBackup(w.window as never, 60_000);
    expect(w.tryClose()).toBe(false);
    expect(w.sent).toEqual([BEFORE_QUIT_EVENT]);
    // A second click on × while the backup runs asks nothing new.
    expect(w.tryClose()).toBe(false);
    expect(w.sent).toHaveLength(1);
    beforeQuitDone();
    expect(w.closes()).toBe(1);
    expect(w.tryClose()).toBe(true);
  });

  it('closes after the time limit when the page never answers', () => {
    vi.useFakeTimers();
    const w = fakeWindow();
    installQuitBackup(w.window as never, 1_000);
    expect(w.tryClose()).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect(w.closes()).toBe(1);
    vi.useRealTimers();
    beforeQuitDone(); // a late answer does nothing
    expect(w.closes()).toBe(1);
  });

  it('does not wait for a crashed page', () => {
    const w = fakeWindow(true);
    installQuitBackup(w.window as never, 60_000);
    expect(w.tryClose()).toBe(true);
    expect(w.sent).toEqual([]);
  });
});
