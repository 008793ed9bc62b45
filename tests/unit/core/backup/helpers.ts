// Shared fixtures for the backup tests: build a backup in memory and feed it back in odd-sized chunks,
// as a file read or an IPC stream would.

import { expect } from 'vitest';
import { type AuditEntry, GENESIS_HASH, sealAuditEntry } from '../../../../renderer/src/core/audit/audit-entry';
import type { BackupTableSource, WriteBackupOptions } from '../../../../renderer/src/core/backup';
import { BackupError, writeBackup } from '../../../../renderer/src/core/backup';

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks) {
    parts.push(c);
    total += c.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Splits bytes into chunks of varying size (1 byte up to `max`), deterministic for a seed. */
export function* chunked(bytes: Uint8Array, max = 4096, seed = 1): Generator<Uint8Array> {
  let s = seed;
  let at = 0;
  while (at < bytes.length) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const n = 1 + (s % max);
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

export function auditLog(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealAuditEntry({
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      operator: '张珺玥',
      action: 'create',
      entity: 'cases',
      entityId: `case-${seq}`,
      before: null,
      after: { title: `某某养老服务有限公司涉嫌非法吸收公众存款案 ${seq}` },
      prevHash,
    });
    out.push(e);
    prevHash = e.hash;
  }
  return out;
}

export function headOf(log: readonly AuditEntry[], table = 'auditLog') {
  const last = log[log.length - 1];
  return last ? { table, seq: last.seq, hash: last.hash } : null;
}

export function creditorBlock(blockNo: number, size: number) {
  return {
    id: `blk-${blockNo}`,
    caseId: 'case-1',
    seq: blockNo,
    creditors: Array.from({ length: size }, (_, i) => ({
      name: `王喆${blockNo}-${i}`,
      idNumber: '11010519491231002X',
      phone: '13800138000',
      principalFen: 1_000_000 + i,
      returnedFen: i,
    })),
  };
}

export const BASE_OPTIONS: WriteBackupOptions = {
  appVersion: '0.1.0',
  schemaVersion: 3,
  createdAt: '2026-11-26T03:00:00.000Z',
  auditChainHead: null,
};

export async function makeBackup(tables: readonly BackupTableSource[], options: Partial<WriteBackupOptions> = {}) {
  return collect(writeBackup(tables, { ...BASE_OPTIONS, ...options }));
}

/** The BackupError a promise is refused with (the test fails if it resolves or throws anything else). */
export async function refused(promise: Promise<unknown>): Promise<BackupError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}
