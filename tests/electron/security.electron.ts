import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { chromiumArgsForThisUser, findElectronRuntime, preloadFile, repoRoot } from './electron-runtime';
import { type LaunchedApp, launchApp } from './launch';

const runtime = findElectronRuntime();
test.skip(!runtime.available, runtime.available ? '' : runtime.reason);

let launched: LaunchedApp;

test.beforeAll(async () => {
  if (runtime.available) launched = await launchApp();
});

test.afterAll(async () => {
  await launched?.close();
});

interface EffectivePreferences {
  readonly contextIsolation?: boolean;
  readonly sandbox?: boolean;
  readonly nodeIntegration?: boolean;
  readonly nodeIntegrationInWorker?: boolean;
  readonly webSecurity?: boolean;
  readonly webviewTag?: boolean;
}

test('the window runs isolated, sandboxed and without Node', async () => {
  const preferences = await launched.app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): EffectivePreferences | null;
    };
    return contents.getLastWebPreferences();
  });
  expect(preferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
  });
  expect(preferences?.webviewTag ?? false).toBe(false);
  // And as the page sees it: no Node globals in the main world.
  const globals = await launched.window.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('the preload exposes exactly window.workstation with one method per action', async () => {
  const exposed = await launched.window.evaluate(() => {
    const api = (window as unknown as { workstation?: Record<string, unknown> }).workstation;
    return api ? Object.keys(api).sort() : null;
  });
  expect(exposed).toEqual(['appInfo', 'notify', 'openFile', 'printPdf', 'saveFile']);
  const leaked = await launched.window.evaluate(() =>
    ['ipcRenderer', 'electron', 'invoke', 'send'].filter((name) => name in window),
  );
  expect(leaked).toEqual([]);
});

test('the UI is served from app://workstation as a secure context with IndexedDB', async () => {
  expect(launched.window.url()).toMatch(/^app:\/\/workstation\//);
  const facts = await launched.window.evaluate(async () => {
    const opened = await new Promise<boolean>((resolve) => {
      const request = indexedDB.open('electron-origin-probe');
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(false);
    });
    return { origin: location.origin, secure: isSecureContext, indexedDB: opened };
  });
  expect(facts).toEqual({ origin: 'app://workstation', secure: true, indexedDB: true });
});

test('responses carry the strict CSP, and inline script does not run', async () => {
  const result = await launched.window.evaluate(async () => {
    const response = await fetch('/index.html');
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return {
      csp: response.headers.get('content-security-policy') ?? '',
      type: response.headers.get('content-type'),
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
    };
  });
  expect(result.csp).toContain("default-src 'self'");
  expect(result.csp).not.toContain('unsafe-inline');
  expect(result.csp).not.toContain('unsafe-eval');
  expect(result.type).toContain('text/html');
  expect(result.inlineRan).toBe(false);
});

test('files outside dist/renderer are not served over app://', async () => {
  const statuses = await launched.window.evaluate(async () => {
    const paths = ['/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json'];
    return Promise.all(paths.map(async (p) => (await fetch(p)).text().then((text) => text.includes('"devDependencies"'))));
  });
  expect(statuses).toEqual([false, false, false]);
});

test('navigation away from the app is blocked', async () => {
  await launched.window.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await launched.window.waitForTimeout(1000);
  expect(launched.window.url()).toMatch(/^app:\/\/workstation\//);
  await launched.window.evaluate(() => {
    location.href = 'file:///etc/passwd';
  });
  await launched.window.waitForTimeout(1000);
  expect(launched.window.url()).toMatch(/^app:\/\/workstation\//);
});

test('window.open is denied', async () => {
  const opened = await launched.window.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  const sameOrigin = await launched.window.evaluate(() => window.open('/index.html') === null);
  expect(sameOrigin).toBe(true);
  expect(launched.app.windows()).toHaveLength(1);
});

test('permission requests are denied', async () => {
  const answer = await launched.window.evaluate(() => Notification.requestPermission());
  expect(answer).toBe('denied');
});

test('IPC from the app works and bad arguments are refused with a Chinese message', async () => {
  const info = await launched.window.evaluate(() =>
    (window as unknown as { workstation: { appInfo(): Promise<{ productName: string }> } }).workstation.appInfo(),
  );
  expect(info.productName).toBe('处非工作台');
  const refused = await launched.window.evaluate(() =>
    (window as unknown as { workstation: { saveFile(r: unknown): Promise<unknown> } }).workstation
      .saveFile({ suggestedName: '../../evil.exe', filters: [], bytes: new Uint8Array([1]) })
      .then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
  );
  expect(refused).toContain('建议文件名 (suggestedName)不能包含文件夹');
});

test('IPC from a foreign origin is rejected even with the preload', async () => {
  const message = await launched.app.evaluate(async ({ BrowserWindow }, preload) => {
    const foreign = new BrowserWindow({
      show: false,
      webPreferences: { preload, sandbox: true, contextIsolation: true },
    });
    try {
      await foreign.loadURL('data:text/html;charset=utf-8,<p>foreign</p>');
      return (await foreign.webContents.executeJavaScript(
        'window.workstation.appInfo().then(() => "resolved", (e) => String(e.message))',
      )) as string;
    } finally {
      foreign.destroy();
    }
  }, preloadFile);
  expect(message).toContain('已拒绝来自 data:');
});

test('a second instance exits and leaves the first one running', async () => {
  if (!runtime.available) return;
  const exitCode = await new Promise<number | null>((resolve) => {
    const second = spawn(runtime.executablePath, [repoRoot, ...chromiumArgsForThisUser()], {
      env: { ...process.env, WORKSTATION_USER_DATA_DIR: launched.userDataDir },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => {
      second.kill();
      resolve(-1);
    }, 20_000);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(exitCode).toBe(0);
  expect(launched.app.windows()).toHaveLength(1);
});
