// Backups written by older versions of the app stay readable: format 1 (uncompressed) and format 2
// (deflate-raw NDJSON, a creditor block's records one by one) files on disk are read by today's code,
// every row as it was written. Today's writer writes format 3 (a long array of records as columns).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';
import { FORMAT_VERSION, importSealKey, inspectBackup, readBackupRows } from '../../../../renderer/src/core/backup';
import { encodeRow } from '../../../../renderer/src/core/backup/row-codec';
import { V2_FIXTURE_PASSPHRASE, V2_FIXTURE_SEAL_KEY, v2FixtureTables } from './format-fixture-rows';
import { chunked, headOf, makeBackup } from './helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/backup/${name}`, import.meta.url)));

async function readAll(bytes: Uint8Array, options: Parameters<typeof inspectBackup>[1]) {
  const inspection = await inspectBackup(chunked(bytes), options);
  const tables = new Map<string, unknown[]>();
  for await (const batch of readBackupRows(chunked(bytes, 3000, 5), inspection)) tables.set(batch.table, [...(tables.get(batch.table) ?? []), ...batch.rows]);
  return { inspection, tables };
}

describe('backups in older formats', () => {
  it('format 1 files (plain and encrypted) read with their rows, bytes and dates', async () => {
    for (const [file, passphrase] of [
      ['v1-plain.cfbak', undefined],
      ['v1-encrypted.cfbak', '旧格式备份密码2026'],
    ] as const) {
      const { inspection, tables } = await readAll(fixture(file), { verifyAuditChain, ...(passphrase ? { passphrase } : {}) });
      expect(inspection.header.formatVersion).toBe(1);
      expect(inspection.auditChain.status).toBe('verified');
      const blocks = tables.get('creditorBlocks') as { creditors: unknown[] }[];
      expect(blocks.map((b) => b.creditors.length)).toEqual([50, 50]);
      const attachment = tables.get('attachments')?.[0] as { bytes: Uint8Array; at: Date };
      expect(attachment.bytes).toEqual(Uint8Array.of(37, 80, 68, 70, 0, 255));
      expect(attachment.at).toEqual(new Date('2026-11-26T02:00:00Z'));
    }
  });

  it('format 2 files (sealed, and encrypted) give back every row exactly as written, the seal valid', async () => {
    const sealKey = await importSealKey(V2_FIXTURE_SEAL_KEY);
    for (const [file, passphrase] of [
      ['v2-sealed.cfbak', undefined],
      ['v2-encrypted.cfbak', V2_FIXTURE_PASSPHRASE],
    ] as const) {
      const { inspection, tables } = await readAll(fixture(file), { verifyAuditChain, sealKey, ...(passphrase ? { passphrase } : {}) });
      expect(inspection.header.formatVersion).toBe(2);
      expect(inspection.seal.status).toBe('valid');
      expect(inspection.auditChain.status).toBe('verified');
      const written = v2FixtureTables().tables;
      expect([...tables.keys()]).toEqual(written.map((t) => t.name));
      for (const t of written) {
        const back = tables.get(t.name) ?? [];
        expect(back.map((r) => encodeRow(r))).toEqual(t.rows.map((r) => encodeRow(r)));
        expect(back).toEqual(t.rows);
      }
      const att = tables.get('attachments')?.[0] as { negZero: number; at: Date };
      expect(Object.is(att.negZero, -0)).toBe(true);
      expect(att.at).toBeInstanceOf(Date);
    }
  });

  it('the same rows written today are format 3, smaller, and read back just as exactly', async () => {
    const { log, tables } = v2FixtureTables();
    const bytes = await makeBackup(tables, { auditChainHead: headOf(log) });
    const { inspection, tables: back } = await readAll(bytes, { verifyAuditChain });
    expect(inspection.header.formatVersion).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBe(3);
    for (const t of v2FixtureTables().tables) expect((back.get(t.name) ?? []).map((r) => encodeRow(r))).toEqual(t.rows.map((r) => encodeRow(r)));
    expect(bytes.length).toBeLessThan(fixture('v2-sealed.cfbak').length);
  });
});
