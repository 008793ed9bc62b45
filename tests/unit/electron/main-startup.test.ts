import { afterEach, describe, expect, it, vi } from 'vitest';

// main.ts runs at import. Through a fake `electron` this checks the start-up order that Electron
// insists on (sandbox, scheme privileges and userData before ready) and the single-instance rule.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const state = {
    hasLock: true,
    packaged: false,
    resolveReady: (): void => undefined,
    windowOptions: undefined as { webPreferences?: Record<string, unknown> } | undefined,
  };
  const window = {
    isDestroyed: () => false,
    isMinimized: () => true,
    restore: () => calls.push('window.restore'),
    show: () => calls.push('window.show'),
    focus: () => calls.push('window.focus'),
    on: () => undefined,
    once: () => undefined,
    webContents: { on: () => undefined },
    loadURL: async (url: string) => calls.push(`window.loadURL ${url}`),
  };
  return { calls, listeners, state, window };
});

vi.mock('electron', () => {
  const record = (name: string) => (...args: unknown[]) => {
    fake.calls.push(args.length > 0 && typeof args[0] === 'string' ? `${name} ${args[0]}` : name);
  };
  const session = {
    setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: record('session.webRequest.onBeforeRequest') },
    on: record('session.on'),
    protocol: { handle: record('session.protocol.handle') },
  };
  return {
    app: {
      enableSandbox: record('app.enableSandbox'),
      setName: record('app.setName'),
      setPath: record('app.setPath'),
      getPath: (name: string) => `/home/u/.config/${name}`,
      getAppPath: () => '/opt/chufei',
      setAppUserModelId: record('app.setAppUserModelId'),
      get isPackaged() {
        return fake.state.packaged;
      },
      requestSingleInstanceLock: () => {
        fake.calls.push('app.requestSingleInstanceLock');
        return fake.state.hasLock;
      },
      quit: record('app.quit'),
      on: (event: string, listener: (...args: unknown[]) => void) => {
        fake.listeners.set(event, listener);
        fake.calls.push(`app.on ${event}`);
      },
      whenReady: () =>
        new Promise<void>((resolve) => {
          fake.state.resolveReady = () => {
            fake.calls.push('READY');
            resolve();
          };
        }),
      getVersion: () => '0.1.0',
    },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged') },
    session: { defaultSession: session },
    ipcMain: { handle: record('ipcMain.handle') },
    BrowserWindow: Object.assign(
      function BrowserWindow(options: { webPreferences?: Record<string, unknown> }) {
        fake.state.windowOptions = options;
        fake.calls.push('new BrowserWindow');
        return fake.window;
      },
      { fromWebContents: () => null },
    ),
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: () => ({}) },
    dialog: {},
    shell: {},
    Notification: {},
  };
});

afterEach(() => {
  fake.calls.length = 0;
  fake.listeners.clear();
  vi.resetModules();
});

async function startMain(): Promise<void> {
  await import('../../../electron/main/main');
}

describe('main process start-up', () => {
  it('sandboxes, registers app:// and pins userData before ready, then serves the window from app://', async () => {
    await startMain();
    const beforeReady = [...fake.calls];
    expect(beforeReady[0]).toBe('app.enableSandbox');
    expect(beforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(beforeReady).toContain('app.setName 处非工作台');
    expect(beforeReady).toContain('app.setPath userData');
    expect(beforeReady.indexOf('app.setPath userData')).toBeLessThan(beforeReady.indexOf('app.requestSingleInstanceLock'));
    expect(beforeReady).toContain('app.on web-contents-created');
    expect(beforeReady).not.toContain('new BrowserWindow');

    fake.state.resolveReady();
    await vi.waitFor(() => expect(fake.calls).toContain('window.loadURL app://workstation/index.html'));
    const afterReady = fake.calls.slice(fake.calls.indexOf('READY'));
    expect(afterReady).toContain('session.setPermissionRequestHandler');
    expect(afterReady).toContain('session.protocol.handle app');
    // One handler per action of the IPC contract (ipc-handlers.test.ts names all 26), all after ready.
    expect(afterReady.filter((call) => call.startsWith('ipcMain.handle'))).toHaveLength(26);
    // Hardening and the protocol are in place before the window exists.
    expect(afterReady.indexOf('session.protocol.handle app')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(afterReady.indexOf('session.setPermissionRequestHandler')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
  });

  it('creates the window isolated, sandboxed, without Node, with the preload, and DevTools only unpackaged', async () => {
    for (const packaged of [false, true]) {
      vi.resetModules();
      fake.state.packaged = packaged;
      await startMain();
      fake.state.resolveReady();
      await vi.waitFor(() => expect(fake.state.windowOptions).toBeDefined());
      const preferences = fake.state.windowOptions?.webPreferences ?? {};
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: !packaged,
      });
      expect(String(preferences.preload)).toMatch(/dist-electron|electron/);
      expect(String(preferences.preload)).toMatch(/preload[\\/]preload\.cjs$/);
      fake.state.windowOptions = undefined;
    }
    fake.state.packaged = false;
  });

  it('a second start focuses the first window instead of opening another', async () => {
    await startMain();
    fake.state.resolveReady();
    await vi.waitFor(() => expect(fake.calls).toContain('new BrowserWindow'));
    fake.listeners.get('second-instance')?.();
    expect(fake.calls.slice(-3)).toEqual(['window.restore', 'window.show', 'window.focus']);
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    fake.state.hasLock = false;
    try {
      await startMain();
      expect(fake.calls).toContain('app.quit');
      expect(fake.calls.some((call) => call.startsWith('app.on second-instance'))).toBe(false);
    } finally {
      fake.state.hasLock = true;
    }
  });
});
