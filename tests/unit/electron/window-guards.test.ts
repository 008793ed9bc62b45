import { describe, expect, it, vi } from 'vitest';

const dialogChoice = vi.hoisted(() => ({ value: 0, shown: [] as { title?: string; message?: string }[] }));

vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: (_window: unknown, options: { title?: string; message?: string }) => {
      dialogChoice.shown.push(options);
      return dialogChoice.value;
    },
  },
}));

const { installWindowGuards } = await import('../../../electron/main/window-guards');

function fakeWindow() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const reload = vi.fn();
  const window = {
    isDestroyed: () => false,
    webContents: {
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
      reload,
    },
  };
  installWindowGuards(window as never);
  return { listeners, reload };
}

describe('closing with unsaved input', () => {
  it('keeps the window open when the user chooses 返回', () => {
    dialogChoice.value = 0;
    const { listeners } = fakeWindow();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-prevent-unload')?.(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(dialogChoice.shown.at(-1)?.title).toBe('有未保存的内容');
  });

  it('closes anyway when the user chooses 离开（保留草稿）', () => {
    dialogChoice.value = 1;
    const { listeners } = fakeWindow();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-prevent-unload')?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('renderer crash', () => {
  it('tells the user and reloads the UI', () => {
    const { listeners, reload } = fakeWindow();
    listeners.get('render-process-gone')?.({}, { reason: 'oom', exitCode: 9 });
    expect(dialogChoice.shown.at(-1)?.message).toContain('oom');
    expect(reload).toHaveBeenCalledOnce();
  });

  it('does nothing on a clean exit (the app is quitting)', () => {
    const { listeners, reload } = fakeWindow();
    const before = dialogChoice.shown.length;
    listeners.get('render-process-gone')?.({}, { reason: 'clean-exit', exitCode: 0 });
    expect(reload).not.toHaveBeenCalled();
    expect(dialogChoice.shown.length).toBe(before);
  });
});
