import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The handlers exactly as main registers them, driven through a fake `electron`: what reaches a
// handler, what is refused, and what lands on disk.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  const shown: { title: string; body: string }[] = [];
  return {
    handlers,
    shown,
    folders: { documents: '', temp: '', userData: '/home/u/.config/处非工作台' } as Record<string, string>,
    saveChoice: { canceled: false, filePath: '' as string | undefined },
    openChoice: { canceled: false, filePaths: [] as string[] },
    openPathResult: '',
    openedPaths: [] as string[],
  };
});

vi.mock('electron', () => ({
  app: { getVersion: () => '0.1.0', getPath: (name: string) => electron.folders[name] ?? '' },
  BrowserWindow: { fromWebContents: () => null },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, raw: unknown) => Promise<unknown>) => {
      electron.handlers.set(channel, handler);
    },
  },
  dialog: {
    showSaveDialog: async () => electron.saveChoice,
    showOpenDialog: async () => electron.openChoice,
  },
  shell: {
    openPath: async (filePath: string) => {
      electron.openedPaths.push(filePath);
      return electron.openPathResult;
    },
  },
  Notification: class {
    static isSupported() {
      return true;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    on() {
      return this;
    }
    show() {
      electron.shown.push(this.options);
    }
  },
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');

const scratch = mkdtempSync(path.join(tmpdir(), 'ipc-handlers-'));
electron.folders.documents = scratch;
electron.folders.temp = path.join(scratch, 'tmp');
registerIpcHandlers();

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function eventFrom(url: string | undefined, isTopFrame = true) {
  return {
    sender: {},
    senderFrame: url === undefined ? null : { url, parent: isTopFrame ? null : {} },
  };
}

const app = eventFrom('app://workstation/index.html');

function invoke(channel: string, event: unknown, raw: unknown): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, raw);
}

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');

beforeEach(() => {
  electron.openedPaths.length = 0;
  electron.shown.length = 0;
  electron.openPathResult = '';
});

describe('registered channels', () => {
  it('handles exactly one channel per action of the contract', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(
      [
        'appInfo',
        'auditAnchorRead',
        'auditAnchorWrite',
        'backupAbort',
        'backupBegin',
        'backupClose',
        'backupFinish',
        'backupOpen',
        'backupRead',
        'backupRewind',
        'backupSealKey',
        'backupWrite',
        'beforeQuitDone',
        'diskSpace',
        'documentFonts',
        'listBackups',
        'notify',
        'openFile',
        'printPdf',
        'saveFile',
        'saveFileAbort',
        'saveFileBegin',
        'saveFileFinish',
        'saveFileWrite',
        'storeRecordRead',
        'storeRecordWrite',
      ].map((a) => `workstation:${a}`),
    );
  });
});

describe('sender check', () => {
  it.each([
    ['a web page', eventFrom('https://example.com/')],
    ['a data: page', eventFrom('data:text/html,x')],
    ['a file: page', eventFrom('file:///C:/x.html')],
    ['an iframe of the app', eventFrom('app://workstation/index.html', false)],
    ['a destroyed frame', eventFrom(undefined)],
  ])('refuses %s before looking at the arguments', async (_name, event) => {
    await expect(invoke('workstation:appInfo', event, undefined)).rejects.toThrow(/已拒绝来自/);
    await expect(invoke('workstation:saveFile', event, { suggestedName: 'a.txt', filters: [], bytes: new Uint8Array() })).rejects.toThrow(
      /已拒绝来自/,
    );
  });
});

describe('appInfo', () => {
  it('reports name, version and data folder', async () => {
    await expect(invoke('workstation:appInfo', app, undefined)).resolves.toEqual({
      productName: '处非工作台',
      version: '0.1.0',
      userDataPath: '/home/u/.config/处非工作台',
    });
  });
});

describe('saveFile', () => {
  it('writes the bytes where the user chose, adding the missing extension', async () => {
    electron.saveChoice = { canceled: false, filePath: path.join(scratch, '起诉意见书') };
    const result = await invoke('workstation:saveFile', app, {
      suggestedName: '起诉意见书.docx',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
    });
    expect(result).toEqual({ status: 'saved', fileName: '起诉意见书.docx' });
    expect([...readFileSync(path.join(scratch, '起诉意见书.docx'))]).toEqual([0x50, 0x4b, 3, 4]);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(scratch, '名册.csv');
    writeFileSync(target, 'old old old old');
    electron.saveChoice = { canceled: false, filePath: target };
    await invoke('workstation:saveFile', app, {
      suggestedName: '名册.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      bytes: new TextEncoder().encode('new'),
    });
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a file in pieces: nothing under its name until finished, then exactly the pieces in order; an abort leaves nothing', async () => {
    const target = path.join(scratch, '代发清单');
    electron.saveChoice = { canceled: false, filePath: target };
    const started = (await invoke('workstation:saveFileBegin', app, { suggestedName: '代发清单.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })) as { status: string; sessionId: string };
    expect(started.status).toBe('started');
    await invoke('workstation:saveFileWrite', app, { sessionId: started.sessionId, bytes: new Uint8Array([0x50, 0x4b]) });
    await invoke('workstation:saveFileWrite', app, { sessionId: started.sessionId, bytes: new Uint8Array([3, 4, 5]) });
    expect(existsSync(`${target}.xlsx`)).toBe(false);
    await expect(invoke('workstation:saveFileFinish', app, { sessionId: started.sessionId })).resolves.toEqual({ status: 'saved', fileName: '代发清单.xlsx' });
    expect([...readFileSync(`${target}.xlsx`)]).toEqual([0x50, 0x4b, 3, 4, 5]);
    await expect(invoke('workstation:saveFileWrite', app, { sessionId: started.sessionId, bytes: new Uint8Array([1]) })).rejects.toThrow('保存会话不存在或已结束，请重新保存文件。');

    electron.saveChoice = { canceled: false, filePath: path.join(scratch, '放弃.xlsx') };
    const again = (await invoke('workstation:saveFileBegin', app, { suggestedName: '放弃.xlsx', filters: [] })) as { sessionId: string };
    await invoke('workstation:saveFileWrite', app, { sessionId: again.sessionId, bytes: new Uint8Array([1, 2]) });
    await invoke('workstation:saveFileAbort', app, { sessionId: again.sessionId });
    expect(readdirSync(scratch).filter((name) => name.startsWith('放弃') || name.includes('放弃.xlsx.'))).toEqual([]);
  });

  it('reports a cancelled dialog', async () => {
    electron.saveChoice = { canceled: true, filePath: undefined };
    await expect(
      invoke('workstation:saveFile', app, { suggestedName: 'a.txt', filters: [], bytes: new Uint8Array() }),
    ).resolves.toEqual({ status: 'cancelled' });
  });

  it('names the file and the cause when the folder is gone', async () => {
    electron.saveChoice = { canceled: false, filePath: path.join(scratch, 'no-such-folder', 'a.txt') };
    await expect(
      invoke('workstation:saveFile', app, { suggestedName: 'a.txt', filters: [], bytes: new Uint8Array([1]) }),
    ).rejects.toThrow(/无法保存“.*no-such-folder.*a\.txt”：文件或文件夹不存在/);
  });

  it('refuses a suggested name with folders before opening any dialog', async () => {
    electron.saveChoice = { canceled: false, filePath: path.join(scratch, 'should-not-exist.txt') };
    await expect(
      invoke('workstation:saveFile', app, { suggestedName: '../x.txt', filters: [], bytes: new Uint8Array([1]) }),
    ).rejects.toThrow(/保存文件请求无效：建议文件名/);
    expect(readdirSync(scratch)).not.toContain('should-not-exist.txt');
  });
});

describe('openFile', () => {
  it('returns the chosen file name and bytes', async () => {
    const source = path.join(scratch, '参与人.xlsx');
    writeFileSync(source, Uint8Array.from([1, 2, 3]));
    electron.openChoice = { canceled: false, filePaths: [source] };
    const result = (await invoke('workstation:openFile', app, { title: '导入名册', filters: [] })) as {
      status: string;
      fileName: string;
      bytes: Uint8Array;
    };
    expect(result.status).toBe('opened');
    expect(result.fileName).toBe('参与人.xlsx');
    expect([...result.bytes]).toEqual([1, 2, 3]);
  });

  it('names a file that vanished between dialog and read', async () => {
    electron.openChoice = { canceled: false, filePaths: [path.join(scratch, 'gone.xlsx')] };
    await expect(invoke('workstation:openFile', app, { title: '导入名册', filters: [] })).rejects.toThrow(/无法读取“.*gone\.xlsx”/);
  });
});

describe('printPdf', () => {
  it('writes the PDF to a temporary file named after the document and opens it', async () => {
    await invoke('workstation:printPdf', app, { title: '清退通知书', bytes: pdf });
    expect(electron.openedPaths).toHaveLength(1);
    const opened = electron.openedPaths[0] ?? '';
    expect(path.basename(opened)).toMatch(/^清退通知书-\d{8}-\d{6}-[0-9a-f]{4}\.pdf$/);
    expect(readFileSync(opened)).toEqual(Buffer.from(pdf));
  });

  it('says what to do when no PDF viewer is installed', async () => {
    electron.openPathResult = 'No application is associated with the specified file';
    await expect(invoke('workstation:printPdf', app, { title: '通知', bytes: pdf })).rejects.toThrow(/没有安装 PDF 阅读器/);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(invoke('workstation:printPdf', app, { title: '通知', bytes: new Uint8Array([1, 2]) })).rejects.toThrow(
      /不是 PDF 文件/,
    );
    expect(electron.openedPaths).toEqual([]);
  });
});

describe('notify', () => {
  it('shows a desktop notification', async () => {
    await invoke('workstation:notify', app, { title: '信访期限', body: '明日到期 3 件' });
    expect(electron.shown).toEqual([{ title: '信访期限', body: '明日到期 3 件' }]);
  });
});
