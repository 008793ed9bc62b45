import { describe, expect, it } from 'vitest';
import type { WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';
import { fileHandle } from '../../../renderer/src/platform/browser-backups';
import { createElectronBridge } from '../../../renderer/src/platform/electron-bridge';

function fakeApi(file: Uint8Array, overrides: Partial<WorkstationPreloadApi> = {}) {
  const calls: [string, unknown][] = [];
  const rec =
    (name: string) =>
    async (request?: unknown): Promise<void> => {
      calls.push([name, request]);
    };
  const api = {
    appInfo: async () => ({ productName: '处非工作台', version: '0.1.0', userDataPath: '/u' }),
    saveFile: async () => ({ status: 'cancelled' as const }),
    openFile: async () => ({ status: 'cancelled' as const }),
    printPdf: rec('printPdf'),
    notify: rec('notify'),
    backupBegin: async (r: unknown) => {
      calls.push(['backupBegin', r]);
      return { status: 'started' as const, sessionId: 's-1', fileName: 'chufei-x-manual.cfbak' };
    },
    backupWrite: rec('backupWrite'),
    backupRewind: rec('backupRewind'),
    backupFinish: async (r: unknown) => {
      calls.push(['backupFinish', r]);
      return { fileName: 'chufei-x-manual.cfbak', byteLength: 3, removedOld: 2 };
    },
    backupAbort: rec('backupAbort'),
    listBackups: async () => ({ folder: '/u/backups', backups: [{ fileName: 'a.cfbak', byteLength: 1, createdAt: '2026-11-26T00:00:00.000Z' }] }),
    backupOpen: async () => ({ status: 'opened' as const, readId: 'r-1', fileName: 'a.cfbak', byteLength: file.byteLength }),
    backupRead: async (r: { offset: number; length: number }) => {
      calls.push(['backupRead', r]);
      return file.slice(r.offset, r.offset + r.length);
    },
    backupClose: rec('backupClose'),
    diskSpace: async () => ({ freeBytes: 5, totalBytes: 10, path: '/u' }),
    backupSealKey: async () => {
      calls.push(['backupSealKey', undefined]);
      return { key: new Uint8Array(32).fill(7) };
    },
    beforeQuitDone: rec('beforeQuitDone'),
    documentFonts: async () => [],
    storeRecordRead: async () => ({ text: null, path: '/u/store-record.json' }),
    storeRecordWrite: rec('storeRecordWrite'),
    auditAnchorRead: async () => ({ text: null, path: '/u/audit-anchor.json' }),
    auditAnchorWrite: rec('auditAnchorWrite'),
    saveFileBegin: async () => ({ status: 'cancelled' as const }),
    saveFileWrite: rec('saveFileWrite'),
    saveFileFinish: async () => ({ status: 'cancelled' as const }),
    saveFileAbort: rec('saveFileAbort'),
    onBeforeQuit: () => {},
    ...overrides,
  } satisfies WorkstationPreloadApi;
  return { api, calls };
}

async function readAll(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

describe('backups over IPC', () => {
  it('maps a backup session onto the actions', async () => {
    const { api, calls } = fakeApi(new Uint8Array());
    const { backups } = createElectronBridge(api);
    expect(backups.automaticBackups).toBe(true);
    const writer = await backups.beginBackup({ kind: 'auto', reason: 'startup' });
    await writer?.write(Uint8Array.of(1, 2, 3));
    await writer?.rewind();
    expect(await writer?.finish()).toEqual({ fileName: 'chufei-x-manual.cfbak', byteLength: 3, removedOld: 2 });
    expect(calls.map(([n]) => n)).toEqual(['backupBegin', 'backupWrite', 'backupRewind', 'backupFinish']);
    expect(calls[0]?.[1]).toEqual({ target: 'auto', reason: 'startup' });
    expect(await backups.listBackups()).toHaveLength(1);
    expect(await backups.diskSpace()).toEqual({ freeBytes: 5, totalBytes: 10, where: '/u' });
  });

  it('imports the seal key from main once per session, as a key whose bytes cannot be read back', async () => {
    const { api, calls } = fakeApi(new Uint8Array());
    const { backups } = createElectronBridge(api);
    const first = await backups.sealKey();
    const second = await backups.sealKey();
    expect(first?.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
    expect(first?.key.extractable).toBe(false);
    expect(calls.filter(([n]) => n === 'backupSealKey')).toHaveLength(1);
  });

  it('reads a file back in pieces, any number of times, and reports a cancelled dialog as null', async () => {
    const file = Uint8Array.from({ length: 9 * 1024 * 1024 + 5 }, (_, i) => i % 251);
    const { api, calls } = fakeApi(file);
    const { backups } = createElectronBridge(api);
    const handle = await backups.openBackup({ kind: 'auto', fileName: 'a.cfbak' });
    expect(handle?.byteLength).toBe(file.byteLength);
    const first = await readAll(handle?.chunks() ?? []);
    expect(first.byteLength).toBe(file.byteLength);
    expect(Buffer.from(first).equals(Buffer.from(file))).toBe(true);
    expect(calls.filter(([n]) => n === 'backupRead')).toHaveLength(3);
    expect((await readAll(handle?.chunks() ?? [])).length).toBe(file.byteLength);
    const cancelled = createElectronBridge(fakeApi(file, { backupOpen: async () => ({ status: 'cancelled' }), backupBegin: async () => ({ status: 'cancelled' }) }).api);
    expect(await cancelled.backups.openBackup({ kind: 'choose' })).toBeNull();
    expect(await cancelled.backups.beginBackup({ kind: 'choose', suggestedName: 'x.cfbak' })).toBeNull();
  });

  it("shows only main's own message when an action fails", async () => {
    const { api } = fakeApi(new Uint8Array(), {
      backupWrite: async () => {
        throw new Error("Error invoking remote method 'workstation:backupWrite': Error: 无法写入临时文件“/u/backups/x”：磁盘空间不足。");
      },
    });
    const writer = await createElectronBridge(api).backups.beginBackup({ kind: 'auto', reason: 'quit' });
    await expect(writer?.write(Uint8Array.of(1))).rejects.toThrow(/^无法写入临时文件/);
  });
});

describe('a backup file in the browser', () => {
  it('is read in slices', async () => {
    const bytes = Uint8Array.from({ length: 5 * 1024 * 1024 }, (_, i) => i % 7);
    const file = Object.assign(new Blob([bytes]), { name: 'b.cfbak' });
    const handle = fileHandle(file);
    expect(handle.byteLength).toBe(bytes.byteLength);
    let pieces = 0;
    let total = 0;
    for await (const c of handle.chunks()) {
      pieces++;
      total += c.byteLength;
    }
    expect([pieces, total]).toEqual([2, bytes.byteLength]);
  });
});
