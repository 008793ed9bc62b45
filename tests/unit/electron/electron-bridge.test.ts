import { describe, expect, it } from 'vitest';
import type { WorkstationApi, WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';
import { cleanIpcErrorMessage, createElectronBridge, hasWorkstationPreload, SAVE_PIECE_BYTES } from '../../../renderer/src/platform/electron-bridge';

function fakeApi(overrides: Partial<WorkstationPreloadApi> = {}): { api: WorkstationPreloadApi; calls: unknown[] } {
  const calls: unknown[] = [];
  const api: WorkstationPreloadApi = {
    onBeforeQuit: () => {},
    appInfo: async () => ({ productName: '处非工作台', version: '0.1.0', userDataPath: '/home/u/.config/处非工作台' }),
    saveFile: async (request) => {
      calls.push(request);
      return { status: 'saved', fileName: request.suggestedName };
    },
    saveFileBegin: async (request) => {
      calls.push(['begin', request]);
      return { status: 'started', sessionId: 's-1' };
    },
    saveFileWrite: async (request) => {
      calls.push(['write', request.sessionId, request.bytes]);
    },
    saveFileFinish: async (request) => {
      calls.push(['finish', request.sessionId]);
      return { status: 'saved', fileName: '清单.xlsx' };
    },
    saveFileAbort: async (request) => {
      calls.push(['abort', request.sessionId]);
    },
    openFile: async () => ({ status: 'cancelled' }),
    printPdf: async (request) => {
      calls.push(request);
    },
    notify: async (request) => {
      calls.push(request);
    },
    ...backupMethods(calls),
    ...overrides,
  };
  return { api, calls };
}

/** The backup actions (exercised in backup-bridge.test.ts). */
function backupMethods(calls: unknown[]): Omit<WorkstationApi, 'appInfo' | 'saveFile' | 'openFile' | 'printPdf' | 'notify' | 'saveFileBegin' | 'saveFileWrite' | 'saveFileFinish' | 'saveFileAbort'> {
  const record = async (request?: unknown) => {
    calls.push(request);
  };
  return {
    backupBegin: async () => ({ status: 'cancelled' }),
    backupWrite: record,
    backupRewind: record,
    backupFinish: async () => ({ fileName: 'x.cfbak', byteLength: 0, removedOld: 0 }),
    backupAbort: record,
    listBackups: async () => ({ folder: '/b', backups: [] }),
    backupOpen: async () => ({ status: 'cancelled' }),
    backupRead: async () => new Uint8Array(),
    backupClose: record,
    diskSpace: async () => ({ freeBytes: 1, totalBytes: 2, path: '/u' }),
    backupSealKey: async () => ({ key: new Uint8Array(32) }),
    beforeQuitDone: record,
    documentFonts: async () => [],
    storeRecordRead: async () => ({ text: null, path: '/u/store-record.json' }),
    storeRecordWrite: record,
    auditAnchorRead: async () => ({ text: '{"version":1}', path: '/u/audit-anchor.json' }),
    auditAnchorWrite: record,
  };
}

describe('createElectronBridge', () => {
  it('reports the platform as electron with the data folder', async () => {
    const bridge = createElectronBridge(fakeApi().api);
    expect(bridge.kind).toBe('electron');
    await expect(bridge.appInfo()).resolves.toEqual({
      productName: '处非工作台',
      version: '0.1.0',
      userDataPath: '/home/u/.config/处非工作台',
      platform: 'electron',
    });
  });

  it('passes only the contract fields (main refuses unknown ones)', async () => {
    const { api, calls } = fakeApi();
    const bridge = createElectronBridge(api);
    const extra = { suggestedName: 'a.docx', filters: [], bytes: new Uint8Array([1]), note: 'x' };
    await bridge.saveFile(extra);
    expect(calls[0]).toEqual({ suggestedName: 'a.docx', filters: [], bytes: new Uint8Array([1]) });
  });

  it('saves a Blob in pieces of 4 MiB (never one message of the whole file), in order, then finishes', async () => {
    const { api, calls } = fakeApi();
    const bytes = new Uint8Array(SAVE_PIECE_BYTES * 2 + 5).map((_, i) => i % 251);
    const saved = await createElectronBridge(api).saveFile({ suggestedName: '清单.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes: new Blob([bytes]) });
    expect(saved).toEqual({ status: 'saved', fileName: '清单.xlsx' });
    expect(calls[0]).toEqual(['begin', { suggestedName: '清单.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }]);
    const writes = calls.filter((c): c is ['write', string, Uint8Array] => Array.isArray(c) && c[0] === 'write');
    expect(writes.map((w) => w[2].byteLength)).toEqual([SAVE_PIECE_BYTES, SAVE_PIECE_BYTES, 5]);
    const joined = new Uint8Array(bytes.byteLength);
    let at = 0;
    for (const [, , piece] of writes) {
      joined.set(piece, at);
      at += piece.byteLength;
    }
    expect(Buffer.from(joined).equals(Buffer.from(bytes))).toBe(true);
    expect(calls.at(-1)).toEqual(['finish', 's-1']);
  });

  it('a Blob save: cancelled in the dialog writes nothing; a failed piece removes the temp file and says why', async () => {
    const cancelled = fakeApi({ saveFileBegin: async () => ({ status: 'cancelled' }) });
    expect(await createElectronBridge(cancelled.api).saveFile({ suggestedName: 'a.xlsx', filters: [], bytes: new Blob(['x']) })).toEqual({ status: 'cancelled' });
    expect(cancelled.calls).toEqual([]);
    const failing = fakeApi({
      saveFileWrite: async () => {
        throw new Error("Error invoking remote method 'workstation:saveFileWrite': Error: 无法保存“a.xlsx”：磁盘已满。");
      },
    });
    await expect(createElectronBridge(failing.api).saveFile({ suggestedName: 'a.xlsx', filters: [], bytes: new Blob(['x']) })).rejects.toThrow(/^无法保存“a.xlsx”：磁盘已满。$/);
    expect(failing.calls).toEqual([['begin', { suggestedName: 'a.xlsx', filters: [] }], ['abort', 's-1']]);
  });

  it('turns notify(title, body) into one request object', async () => {
    const { api, calls } = fakeApi();
    await createElectronBridge(api).notify('信访期限', '3 件将于明日到期');
    expect(calls).toEqual([{ title: '信访期限', body: '3 件将于明日到期' }]);
  });

  it('shows only the main process message when an action is rejected', async () => {
    const { api } = fakeApi({
      printPdf: async () => {
        throw new Error(
          "Error invoking remote method 'workstation:printPdf': IpcRequestError: 打印请求无效：打印内容 (bytes) 不是 PDF 文件。",
        );
      },
    });
    await expect(createElectronBridge(api).printPdf({ title: 't', bytes: new Uint8Array() })).rejects.toThrow(
      /^打印请求无效：打印内容 \(bytes\) 不是 PDF 文件。$/,
    );
  });

  it('fails loudly without the preload', () => {
    expect(hasWorkstationPreload()).toBe(false);
    expect(() => createElectronBridge(undefined)).toThrow('未找到 window.workstation');
  });
});

describe('cleanIpcErrorMessage', () => {
  it('strips the Electron prefix and error class', () => {
    expect(cleanIpcErrorMessage(new Error("Error invoking remote method 'workstation:saveFile': Error: 无法保存“a”。"))).toBe(
      '无法保存“a”。',
    );
    expect(cleanIpcErrorMessage('plain')).toBe('plain');
  });
});
