// Issue 12: a plain backup with one row changed and every hash recomputed must not restore as if it
// were genuine. A sealed backup (HMAC with this installation's key) is refused; an unsealed one can
// only be reported as unsealed, which the restore dialog then says plainly.
import { describe, expect, it } from 'vitest';
import { importSealKey, inspectBackup, newSealKeyBytes, readBackupRows, writeBackup } from '../../../../renderer/src/core/backup';
import { forgePlainBackup } from './forge';
import { BASE_OPTIONS, collect, creditorBlock, makeBackup, refused } from './helpers';

const creditors = () => [{ name: 'creditorBlocks', rows: [creditorBlock(0, 50), creditorBlock(1, 50)] }];
const changeAmount = (frame: number, lines: string[]) => (frame === 0 ? lines.map((l) => l.replace('"principalFen":1000007', '"principalFen":9000007')) : lines);


async function rowsOf(bytes: Uint8Array): Promise<unknown[]> {
  const inspection = await inspectBackup([bytes]);
  const rows: unknown[] = [];
  for await (const batch of readBackupRows([bytes], inspection)) rows.push(...batch.rows);
  return rows;
}

describe('sealed backups (a key kept outside the database)', () => {
  it('a sealed backup verifies with its key, is "other-key" elsewhere and "not-checked" without a key', async () => {
    const key = await importSealKey(newSealKeyBytes());
    const other = await importSealKey(newSealKeyBytes());
    const bytes = await makeBackup(creditors(), { sealKey: key });
    expect((await inspectBackup([bytes], { sealKey: key })).seal).toEqual({ status: 'valid', keyId: key.keyId });
    expect((await inspectBackup([bytes], { sealKey: other })).seal).toEqual({ status: 'other-key', keyId: key.keyId });
    expect((await inspectBackup([bytes])).seal).toEqual({ status: 'not-checked', keyId: key.keyId });
    const plain = await makeBackup(creditors());
    expect((await inspectBackup([plain], { sealKey: key })).seal).toEqual({ status: 'unsealed' });
  });

  it('a forged row with every hash recomputed is refused as TAMPERED, saying the file was changed', async () => {
    const key = await importSealKey(newSealKeyBytes());
    const bytes = await makeBackup(creditors(), { sealKey: key });
    const forged = await forgePlainBackup(bytes, { recomputeHashes: true, editRows: changeAmount });
    // Without the key the forgery is consistent: every hash matches and the changed amount reads back.
    expect(JSON.stringify(await rowsOf(forged))).toContain('9000007');
    const e = await refused(inspectBackup([forged], { sealKey: key }));
    expect(e.code).toBe('TAMPERED');
    expect(e.message).toContain('签名不符');
    expect(e.message).toContain('改用其他备份文件');
  });

  it('a forger who writes a new file with the same key id but his own key is refused', async () => {
    const key = await importSealKey(newSealKeyBytes());
    const attacker = { keyId: key.keyId, key: (await importSealKey(newSealKeyBytes())).key };
    const forged = await makeBackup(creditors(), { sealKey: attacker });
    expect((await refused(inspectBackup([forged], { sealKey: key }))).code).toBe('TAMPERED');
  });

  it('an encrypted backup is sealed too, inside the encryption', async () => {
    const key = await importSealKey(newSealKeyBytes());
    const bytes = await makeBackup(creditors(), { sealKey: key, passphrase: '加密且签名的备份密码' });
    const inspection = await inspectBackup([bytes], { sealKey: key, passphrase: '加密且签名的备份密码' });
    expect(inspection.seal.status).toBe('valid');
    expect(inspection.verified.authenticated).toBe(true);
  });

  it('an unsealed plain backup cannot tell a forgery, and a stripped seal reads as unsealed (the dialog warns)', async () => {
    const plain = await makeBackup(creditors());
    const forged = await forgePlainBackup(plain, { recomputeHashes: true, editRows: changeAmount });
    expect((await inspectBackup([forged])).seal.status).toBe('unsealed');
    const key = await importSealKey(newSealKeyBytes());
    const sealed = await makeBackup(creditors(), { sealKey: key });
    const stripped = await forgePlainBackup(sealed, {
      recomputeHashes: true,
      editRows: changeAmount,
      editHeader: (h) => {
        h.seal = null;
      },
    });
    expect((await inspectBackup([stripped], { sealKey: key })).seal.status).toBe('unsealed');
  });
});

describe('compression (format version 2)', () => {
  it('creditor blocks compress to a fraction of their NDJSON and read back exactly', async () => {
    const blocks = Array.from({ length: 20 }, (_, b) => creditorBlock(b, 1000));
    const chunks = writeBackup([{ name: 'creditorBlocks', rows: blocks }], BASE_OPTIONS);
    const parts: Uint8Array[] = [];
    let step = await chunks.next();
    while (!step.done) {
      parts.push(step.value);
      step = await chunks.next();
    }
    const summary = step.value;
    const bytes = await collect((async function* () {
      yield* parts;
    })());
    expect(summary.bytes).toBe(bytes.length);
    expect(summary.header.compression).toBe('deflate-raw');
    expect(bytes.length).toBeLessThan(summary.uncompressedBytes / 4);
    expect(await rowsOf(bytes)).toEqual(blocks);
  });

  it('a frame that inflates to more or less than it states is CORRUPTED (no decompression bomb)', async () => {
    const bytes = await makeBackup(creditors());
    for (const delta of [-1, 1]) {
      const forged = await forgePlainBackup(bytes, { recomputeHashes: true });
      // The stated NDJSON length of the first frame, right after the header and the frame head.
      const headerLength = new DataView(forged.buffer).getUint32(12, false);
      const at = 16 + headerLength + 32 + 5 + 3;
      const view = new DataView(forged.buffer);
      view.setUint32(at, view.getUint32(at) + delta);
      const e = await refused(inspectBackup([forged]));
      expect(e.code).toBe('CORRUPTED');
      expect(e.message).toContain('第 1 个数据块');
    }
  });
});
