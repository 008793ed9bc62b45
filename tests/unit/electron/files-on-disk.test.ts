import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Files on disk (issue 12) through the registered IPC handlers, with a save-dialog harness: the fake
// dialog returns what a Linux GTK dialog returns (the name as typed, no extension added) and records
// every question main asks; the files land in a scratch folder.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  folders: { documents: '', userData: '' } as Record<string, string>,
  saveAnswers: [] as { canceled: boolean; filePath?: string }[],
  boxAnswers: [] as number[],
  saveDialogs: [] as { defaultPath?: string }[],
  boxes: [] as { message: string; buttons: string[] }[],
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  app: { getVersion: () => '0.1.0', getPath: (name: string) => electron.folders[name] ?? '' },
  BrowserWindow: { fromWebContents: () => null },
  ipcMain: { handle: (channel: string, h: (event: unknown, raw: unknown) => Promise<unknown>) => electron.handlers.set(channel, h) },
  dialog: {
    showSaveDialog: async (options: { defaultPath?: string }) => {
      electron.saveDialogs.push(options);
      return electron.saveAnswers.shift() ?? { canceled: true };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async (options: { message: string; buttons: string[] }) => {
      electron.boxes.push(options);
      return { response: electron.boxAnswers.shift() ?? 2 };
    },
  },
  shell: {
    openPath: async (file: string) => {
      electron.opened.push(file);
      return '';
    },
  },
  Notification: class {},
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { removePrintFilesOfSession, removeStalePrintFiles, printFolder } = await import('../../../electron/main/print-pdf');
const { privatiseBackups } = await import('../../../electron/main/backup-actions');
const scratch = mkdtempSync(path.join(tmpdir(), 'files-on-disk-'));
electron.folders.documents = path.join(scratch, 'docs');
electron.folders.userData = path.join(scratch, 'userData');
mkdirSync(electron.folders.documents);
registerIpcHandlers();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const trusted = { sender: {}, senderFrame: { url: 'app://workstation/index.html', parent: null } };
function call<T>(action: string, raw?: unknown): Promise<T> {
  const h = electron.handlers.get(`workstation:${action}`);
  if (!h) throw new Error(`no handler ${action}`);
  return h(trusted, raw) as Promise<T>;
}

const docs = (name: string) => path.join(electron.folders.documents ?? '', name);
const xlsx = { suggestedName: '名单.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] };
const mode = (file: string) => statSync(file).mode & 0o777;
const unix = process.platform !== 'win32';

beforeEach(() => {
  electron.saveAnswers.length = 0;
  electron.boxAnswers.length = 0;
  electron.saveDialogs.length = 0;
  electron.boxes.length = 0;
  electron.opened.length = 0;
});

describe('the Linux save dialog and an extension added after its overwrite prompt', () => {
  it('asks again before a bare name overwrites the existing file with the extension, and keeps it on 取消', async () => {
    writeFileSync(docs('名单.xlsx'), 'the register of last week');
    electron.saveAnswers.push({ canceled: false, filePath: docs('名单') });
    electron.boxAnswers.push(2);
    const result = await call('saveFile', { ...xlsx, bytes: new TextEncoder().encode('new') });
    expect(result).toEqual({ status: 'cancelled' });
    expect(electron.boxes).toHaveLength(1);
    expect(electron.boxes[0]?.message).toBe('“名单.xlsx”已存在。要替换它吗？');
    expect(electron.boxes[0]?.buttons).toEqual(['替换', '重新选择', '取消']);
    expect(readFileSync(docs('名单.xlsx'), 'utf8')).toBe('the register of last week');
  });

  it('replaces the file only when the user says 替换', async () => {
    writeFileSync(docs('通知.xlsx'), 'old');
    electron.saveAnswers.push({ canceled: false, filePath: docs('通知') });
    electron.boxAnswers.push(0);
    const result = await call('saveFile', { ...xlsx, suggestedName: '通知.xlsx', bytes: new TextEncoder().encode('new') });
    expect(result).toEqual({ status: 'saved', fileName: '通知.xlsx' });
    expect(readFileSync(docs('通知.xlsx'), 'utf8')).toBe('new');
  });

  it('opens the dialog again on 重新选择, at the name it would have overwritten, and saves under the new name', async () => {
    writeFileSync(docs('台账.xlsx'), 'old');
    electron.saveAnswers.push({ canceled: false, filePath: docs('台账') }, { canceled: false, filePath: docs('台账-新') });
    electron.boxAnswers.push(1);
    const result = await call('saveFile', { ...xlsx, suggestedName: '台账.xlsx', bytes: new TextEncoder().encode('new') });
    expect(result).toEqual({ status: 'saved', fileName: '台账-新.xlsx' });
    expect(electron.saveDialogs[1]?.defaultPath).toBe(docs('台账.xlsx'));
    expect(readFileSync(docs('台账.xlsx'), 'utf8')).toBe('old');
    expect(readFileSync(docs('台账-新.xlsx'), 'utf8')).toBe('new');
  });

  it('asks nothing more when the name needs no extension or the file does not exist yet', async () => {
    electron.saveAnswers.push({ canceled: false, filePath: docs('全新') }, { canceled: false, filePath: docs('名单.xlsx') });
    await call('saveFile', { ...xlsx, bytes: new TextEncoder().encode('a') });
    await call('saveFile', { ...xlsx, bytes: new TextEncoder().encode('b') });
    expect(electron.boxes).toHaveLength(0);
    expect(readFileSync(docs('全新.xlsx'), 'utf8')).toBe('a');
  });

  it('asks the same before a backup file is written over another', async () => {
    writeFileSync(docs('周五.cfbak'), 'friday');
    electron.saveAnswers.push({ canceled: false, filePath: docs('周五') });
    electron.boxAnswers.push(2);
    expect(await call('backupBegin', { target: 'choose', suggestedName: '周五.cfbak' })).toEqual({ status: 'cancelled' });
    expect(electron.boxes[0]?.message).toBe('“周五.cfbak”已存在。要替换它吗？');
    expect(readFileSync(docs('周五.cfbak'), 'utf8')).toBe('friday');
  });
});

describe('print files and backups hold personal data', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n张三 371002198001010010');

  it.runIf(unix)('writes the print file 0600 in a 0700 folder under userData, not a shared temp folder', async () => {
    await call('printPdf', { title: '清退告知书', bytes: pdf });
    const file = electron.opened[0] ?? '';
    expect(path.dirname(file)).toBe(printFolder());
    expect(file.startsWith(electron.folders.userData ?? '-')).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
  });

  it('removes the print files of the session at quit and any left over at the next start', async () => {
    await call('printPdf', { title: '送达回证', bytes: pdf });
    const file = electron.opened[0] ?? '';
    expect(existsSync(file)).toBe(true);
    removePrintFilesOfSession();
    expect(existsSync(file)).toBe(false);
    writeFileSync(path.join(printFolder(), 'left-by-a-crash.pdf'), pdf);
    const legacy = path.join(tmpdir(), 'chufei-workstation-print');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(path.join(legacy, `old-world-readable-${process.pid}.pdf`), pdf);
    expect(await removeStalePrintFiles()).toBeGreaterThanOrEqual(2);
    expect(readdirSync(printFolder())).toEqual([]);
    expect(existsSync(path.join(legacy, `old-world-readable-${process.pid}.pdf`))).toBe(false);
  });

  it.runIf(unix)('writes automatic and chosen backups 0600, the backups folder 0700, and tightens older ones at start', async () => {
    const begun = await call<{ sessionId: string; fileName: string }>('backupBegin', { target: 'auto', reason: 'manual' });
    await call('backupWrite', { sessionId: begun.sessionId, bytes: new TextEncoder().encode('backup') });
    await call('backupFinish', { sessionId: begun.sessionId });
    const folder = path.join(electron.folders.userData ?? '', 'backups');
    expect(mode(path.join(folder, begun.fileName))).toBe(0o600);
    expect(mode(folder)).toBe(0o700);

    electron.saveAnswers.push({ canceled: false, filePath: docs('手动备份.cfbak') });
    const chosen = await call<{ sessionId: string }>('backupBegin', { target: 'choose', suggestedName: '手动备份.cfbak' });
    await call('backupFinish', { sessionId: chosen.sessionId });
    expect(mode(docs('手动备份.cfbak'))).toBe(0o600);

    const old = path.join(folder, 'chufei-20250101-000000000Z-startup.cfbak');
    writeFileSync(old, 'old', { mode: 0o644 });
    writeFileSync(path.join(folder, 'notes.txt'), 'not ours', { mode: 0o644 });
    expect(await privatiseBackups()).toBe(1);
    expect(mode(old)).toBe(0o600);
    expect(mode(path.join(folder, 'notes.txt'))).toBe(0o644);
  });
});

describe('the store record file (issue 12)', () => {
  it('is absent before the first write, then kept 0600 in userData, replaced whole', async () => {
    const file = path.join(electron.folders.userData ?? '', 'store-record.json');
    rmSync(file, { force: true });
    expect(await call('storeRecordRead')).toEqual({ text: null, path: file });
    await call('storeRecordWrite', { text: '{"version":1,"a":1}' });
    await call('storeRecordWrite', { text: '{"version":1,"a":2}' });
    expect(await call('storeRecordRead')).toEqual({ text: '{"version":1,"a":2}', path: file });
    if (unix) expect(mode(file)).toBe(0o600);
    expect(readdirSync(electron.folders.userData ?? '').filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses what is not a small JSON object, naming the field', async () => {
    await expect(call('storeRecordWrite', { text: 'x'.repeat(70_000) })).rejects.toThrow('存储记录 (text) 不能超过 65536 个字符');
    await expect(call('storeRecordWrite', { text: 'plain text' })).rejects.toThrow('存储记录 (text) 必须是 JSON 对象');
    await expect(call('storeRecordWrite', { text: '{}', path: '/etc/passwd' })).rejects.toThrow('不认识的字段 path');
  });
});

describe('the audit anchor file (issue 12)', () => {
  it('is kept 0600 in userData beside the backups, apart from the store record', async () => {
    const file = path.join(electron.folders.userData ?? '', 'audit-anchor.json');
    rmSync(file, { force: true });
    expect(await call('auditAnchorRead')).toEqual({ text: null, path: file });
    await call('auditAnchorWrite', { text: '{"version":1,"seq":3}' });
    expect(await call('auditAnchorRead')).toEqual({ text: '{"version":1,"seq":3}', path: file });
    if (unix) expect(mode(file)).toBe(0o600);
    expect(await call('storeRecordRead')).not.toEqual({ text: '{"version":1,"seq":3}', path: file });
  });

  it('refuses what is not a small JSON object, naming the field', async () => {
    await expect(call('auditAnchorWrite', { text: 'x'.repeat(5000) })).rejects.toThrow('审计链锚点 (text) 不能超过 4096 个字符');
    await expect(call('auditAnchorWrite', { text: 'plain' })).rejects.toThrow('审计链锚点 (text) 必须是 JSON 对象');
  });
});
