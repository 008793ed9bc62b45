import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The backup actions through the registered IPC handlers (sender check → schema → action) against a
// scratch userData folder: what lands on disk, what is refused.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  folders: { documents: '', userData: '' } as Record<string, string>,
  saveChoice: { canceled: false, filePath: '' as string | undefined },
  openChoice: { canceled: false, filePaths: [] as string[] },
}));

vi.mock('electron', () => ({
  app: { getVersion: () => '0.1.0', getPath: (name: string) => electron.folders[name] ?? '' },
  BrowserWindow: { fromWebContents: () => null },
  ipcMain: { handle: (channel: string, h: (event: unknown, raw: unknown) => Promise<unknown>) => electron.handlers.set(channel, h) },
  dialog: { showSaveDialog: async () => electron.saveChoice, showOpenDialog: async () => electron.openChoice },
  shell: { openPath: async () => '' },
  Notification: class {},
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { forgetSealKeyForTests } = await import('../../../electron/main/backup-seal-key');
const scratch = mkdtempSync(path.join(tmpdir(), 'backup-actions-'));
electron.folders.documents = path.join(scratch, 'docs');
electron.folders.userData = path.join(scratch, 'userData');
mkdirSync(electron.folders.documents);
registerIpcHandlers();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const trusted = { sender: {}, senderFrame: { url: 'app://workstation/index.html', parent: null } };
const foreign = { sender: {}, senderFrame: { url: 'https://example.com/', parent: null } };

function call<T>(action: string, raw?: unknown, event: unknown = trusted): Promise<T> {
  const h = electron.handlers.get(`workstation:${action}`);
  if (!h) throw new Error(`no handler ${action}`);
  return h(event, raw) as Promise<T>;
}

const backups = () => path.join(electron.folders.userData ?? '', 'backups');
const bytes = (s: string) => new TextEncoder().encode(s);

async function writeAuto(reason: string, parts: string[]): Promise<{ fileName: string; byteLength: number; removedOld: number }> {
  const begun = await call<{ status: string; sessionId: string; fileName: string }>('backupBegin', { target: 'auto', reason });
  for (const p of parts) await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes(p) });
  return call('backupFinish', { sessionId: begun.sessionId });
}

describe('the backup seal key', () => {
  it('is made once, 32 bytes readable by this user only, outside the backups folder, and kept across starts', async () => {
    const keyFile = path.join(electron.folders.userData ?? '', 'backup-seal.key');
    const first = await call<{ key: Uint8Array }>('backupSealKey');
    expect(first.key).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(new Uint8Array(readFileSync(keyFile))).toEqual(first.key);
    forgetSealKeyForTests();
    expect((await call<{ key: Uint8Array }>('backupSealKey')).key).toEqual(first.key);
    await expect(call('backupSealKey', undefined, foreign)).rejects.toThrow();
  });

  it('a key file cut short by a crash is replaced by a new key', async () => {
    const keyFile = path.join(electron.folders.userData ?? '', 'backup-seal.key');
    await call('backupSealKey');
    writeFileSync(keyFile, Uint8Array.of(1, 2, 3));
    forgetSealKeyForTests();
    const again = await call<{ key: Uint8Array }>('backupSealKey');
    expect(again.key).toHaveLength(32);
    expect(readFileSync(keyFile)).toHaveLength(32);
  });
});

describe('writing a backup', () => {
  it('appears under its final name only when finished, with every chunk in order', async () => {
    const begun = await call<{ status: string; sessionId: string; fileName: string }>('backupBegin', { target: 'auto', reason: 'startup' });
    expect(begun.fileName).toMatch(/^chufei-\d{8}-\d{9}Z-startup\.cfbak$/);
    await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes('abc') });
    expect(readdirSync(backups()).filter((n) => !n.startsWith('.'))).toEqual([]);
    await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes('def') });
    const done = await call<{ fileName: string; byteLength: number }>('backupFinish', { sessionId: begun.sessionId });
    expect(done).toMatchObject({ fileName: begun.fileName, byteLength: 6 });
    expect(readFileSync(path.join(backups(), begun.fileName), 'utf8')).toBe('abcdef');
    expect(readdirSync(backups()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('rewinds to an empty file, and an aborted backup leaves nothing', async () => {
    const begun = await call<{ sessionId: string; fileName: string }>('backupBegin', { target: 'auto', reason: 'quit' });
    await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes('first attempt, longer') });
    await call('backupRewind', { sessionId: begun.sessionId });
    await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes('second') });
    await call('backupFinish', { sessionId: begun.sessionId });
    expect(readFileSync(path.join(backups(), begun.fileName), 'utf8')).toBe('second');
    const aborted = await call<{ sessionId: string; fileName: string }>('backupBegin', { target: 'auto', reason: 'manual' });
    await call('backupWrite', { sessionId: aborted.sessionId, bytes: bytes('x') });
    await call('backupAbort', { sessionId: aborted.sessionId });
    expect(readdirSync(backups())).not.toContain(aborted.fileName);
    expect(readdirSync(backups()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await expect(call('backupWrite', { sessionId: aborted.sessionId, bytes: bytes('y') })).rejects.toThrow(/备份会话不存在/);
  });

  it('writes a manual backup where the user chose, adding the extension', async () => {
    electron.saveChoice = { canceled: false, filePath: path.join(electron.folders.documents ?? '', '我的备份') };
    const begun = await call<{ status: string; sessionId: string; fileName: string }>('backupBegin', { target: 'choose', suggestedName: '处非工作台备份.cfbak' });
    expect(begun.fileName).toBe('我的备份.cfbak');
    await call('backupWrite', { sessionId: begun.sessionId, bytes: bytes('m') });
    await call('backupFinish', { sessionId: begun.sessionId });
    expect(readFileSync(path.join(electron.folders.documents ?? '', '我的备份.cfbak'), 'utf8')).toBe('m');
    electron.saveChoice = { canceled: true, filePath: undefined };
    await expect(call('backupBegin', { target: 'choose', suggestedName: 'x.cfbak' })).resolves.toEqual({ status: 'cancelled' });
  });

  it('applies the retention policy to automatic backups only', async () => {
    // 30 daily backups from long ago: after one more, the newest 10 + monthly ones remain.
    const now = Date.now();
    for (let i = 1; i <= 30; i++) {
      const stamp = new Date(now - i * 86_400_000 * 3).toISOString();
      const name = `chufei-${stamp.slice(0, 10).replace(/-/g, '')}-${stamp.slice(11, 19).replace(/:/g, '')}${stamp.slice(20, 23)}Z-startup.cfbak`;
      writeFileSync(path.join(backups(), name), 'old');
    }
    writeFileSync(path.join(backups(), 'notes.txt'), 'kept');
    const done = await writeAuto('startup', ['new']);
    expect(done.removedOld).toBeGreaterThan(0);
    const list = await call<{ backups: { fileName: string }[] }>('listBackups');
    expect(list.backups.length).toBeLessThanOrEqual(10 + 12);
    expect(list.backups[0]?.fileName).toBe(done.fileName);
    expect(readdirSync(backups())).toContain('notes.txt');
  });
});

describe('reading a backup back', () => {
  it('reads an automatic backup by name in pieces', async () => {
    const done = await writeAuto('manual', ['0123456789']);
    const opened = await call<{ status: string; readId: string; byteLength: number }>('backupOpen', { source: 'auto', fileName: done.fileName });
    expect(opened.byteLength).toBe(10);
    const a = await call<Uint8Array>('backupRead', { readId: opened.readId, offset: 0, length: 4 });
    const b = await call<Uint8Array>('backupRead', { readId: opened.readId, offset: 4, length: 100 });
    expect(new TextDecoder().decode(a) + new TextDecoder().decode(b)).toBe('0123456789');
    await call('backupClose', { readId: opened.readId });
    await expect(call('backupRead', { readId: opened.readId, offset: 0, length: 1 })).rejects.toThrow(/已关闭/);
  });

  it('refuses names that leave the backups folder, other files and links out of it', async () => {
    for (const fileName of ['../Preferences', '/etc/passwd', 'notes.txt', 'chufei-x/../../y.cfbak', '..\\..\\x.cfbak']) {
      await expect(call('backupOpen', { source: 'auto', fileName }), fileName).rejects.toThrow(/备份文件名 \(fileName\)/);
    }
    const outside = path.join(scratch, 'secret.cfbak');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, path.join(backups(), 'chufei-20260101-000000000Z-manual.cfbak'));
    await expect(call('backupOpen', { source: 'auto', fileName: 'chufei-20260101-000000000Z-manual.cfbak' })).rejects.toThrow(/不在自动备份文件夹中/);
  });

  it('caps one read and validates every field', async () => {
    await expect(call('backupRead', { readId: crypto.randomUUID(), offset: 0, length: 64 * 1024 * 1024 })).rejects.toThrow(/读取长度 \(length\)/);
    await expect(call('backupRead', { readId: 'x', offset: -1, length: 1 })).rejects.toThrow(/readId.*offset|offset|readId/);
    await expect(call('backupBegin', { target: 'auto', reason: 'because' })).rejects.toThrow(/备份原因 \(reason\)/);
    await expect(call('backupBegin', { target: 'auto', reason: 'manual', path: '/tmp/x' })).rejects.toThrow(/不认识的字段 path/);
  });
});

describe('from an unexpected origin', () => {
  it('every backup action is refused before its arguments are read', async () => {
    for (const action of ['backupBegin', 'backupWrite', 'listBackups', 'backupOpen', 'backupRead', 'diskSpace', 'beforeQuitDone']) {
      await expect(call(action, undefined, foreign), action).rejects.toThrow();
    }
    const iframe = { sender: {}, senderFrame: { url: 'app://workstation/index.html', parent: {} } };
    await expect(call('listBackups', undefined, iframe)).rejects.toThrow();
  });
});

describe('temp files a crash left behind', () => {
  it('are removed at start once a day old; others stay', async () => {
    const { removeStaleBackupTempFiles } = await import('../../../electron/main/backup-actions');
    const stale = path.join(backups(), '.chufei-20260101-000000000Z-quit.cfbak.0123abcd.tmp');
    const fresh = path.join(backups(), '.chufei-20260102-000000000Z-quit.cfbak.89abcdef.tmp');
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'x');
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    expect(await removeStaleBackupTempFiles()).toBe(1);
    expect(readdirSync(backups())).toContain(path.basename(fresh));
    expect(readdirSync(backups())).not.toContain(path.basename(stale));
    expect(readdirSync(backups())).toContain('notes.txt');
  });
});

describe('disk space', () => {
  it('reports free and total bytes of the data folder', async () => {
    const space = await call<{ freeBytes: number; totalBytes: number; path: string }>('diskSpace');
    expect(space.freeBytes).toBeGreaterThan(0);
    expect(space.totalBytes).toBeGreaterThanOrEqual(space.freeBytes);
    expect(space.path).toBe(electron.folders.userData);
  });
});
