// One flipped bit anywhere, a cut anywhere, frames moved or swapped in from elsewhere: every one must
// be refused, and with the error that tells the user what happened.
import { describe, expect, it } from 'vitest';
import { type BackupErrorCode, type BackupKey, importSealKey, inspectBackup, isBackupError, newSealKeyBytes } from '../../../../renderer/src/core/backup';
import { makeBackup } from './helpers';

const PASS = '正确的密码 correct horse';
const tables = [
  { name: 'cases', rows: [{ id: 'c1', title: '某某旅行社集资诈骗案' }, { id: 'c2', title: '某某私募基金案' }] },
  { name: 'creditors', rows: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `钱赟${i}`, fen: i * 100 })) },
];

async function refusal(bytes: Uint8Array, options: Parameters<typeof inspectBackup>[1] = {}): Promise<BackupErrorCode | 'accepted'> {
  try {
    await inspectBackup([bytes], options);
    return 'accepted';
  } catch (e) {
    if (isBackupError(e)) return e.code;
    throw e;
  }
}

function headerEnd(bytes: Uint8Array): number {
  return 16 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(12) + 32;
}

/** Every code each byte produced over its 8 flips. */
async function everyFlip(bytes: Uint8Array, options: Parameters<typeof inspectBackup>[1]) {
  const outcomes = new Map<number, Set<BackupErrorCode | 'accepted'>>();
  for (let byte = 0; byte < bytes.length; byte++) {
    const codes = new Set<BackupErrorCode | 'accepted'>();
    for (let bit = 0; bit < 8; bit++) {
      const copy = bytes.slice();
      copy[byte] = (copy[byte] ?? 0) ^ (1 << bit);
      codes.add(await refusal(copy, options));
    }
    outcomes.set(byte, codes);
  }
  return outcomes;
}

function only(codes: Set<string>, allowed: readonly string[]): boolean {
  return [...codes].every((c) => allowed.includes(c));
}

// Each sweep inspects the file thousands of times (every bit of it); on a loaded 2-core machine that
// takes well over the default 30 s, so the sweeps get more time. Nothing here measures speed.
describe('tamper detection', { timeout: 180_000 }, () => {
  it('refuses every single-bit flip in a plain backup (header, body, trailer)', async () => {
    const bytes = await makeBackup(tables, { targetFrameBytes: 1024 });
    const outcomes = await everyFlip(bytes, {});
    const end = headerEnd(bytes);
    expect(outcomes.size).toBe(bytes.length);
    for (const [byte, codes] of outcomes) {
      if (byte < 8) expect(only(codes, ['NOT_A_BACKUP']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else if (byte >= 16 && byte < end) expect(only(codes, ['CORRUPTED']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else expect(only(codes, ['CORRUPTED', 'TRUNCATED']), `byte ${byte}: ${[...codes]}`).toBe(true);
    }
  });

  it('refuses every single-bit flip in a sealed plain backup; a flip in the seal itself is TAMPERED', async () => {
    const sealKey = await importSealKey(newSealKeyBytes());
    const bytes = await makeBackup(tables, { targetFrameBytes: 1024, sealKey });
    const outcomes = await everyFlip(bytes, { sealKey });
    const end = headerEnd(bytes);
    for (const [byte, codes] of outcomes) {
      if (byte < 8) expect(only(codes, ['NOT_A_BACKUP']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else if (byte >= 16 && byte < end) expect(only(codes, ['CORRUPTED']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else if (byte >= bytes.length - 32) expect(only(codes, ['TAMPERED']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else expect(only(codes, ['CORRUPTED', 'TRUNCATED']), `byte ${byte}: ${[...codes]}`).toBe(true);
    }
  });

  it('refuses every single-bit flip in an encrypted backup, incl. GCM tags and the key check', async () => {
    const bytes = await makeBackup(tables, { targetFrameBytes: 1024, passphrase: PASS });
    const { key } = await inspectBackup([bytes], { passphrase: PASS });
    expect(key).not.toBeNull();
    const outcomes = await everyFlip(bytes, { key: key as BackupKey });
    const end = headerEnd(bytes);
    expect(outcomes.size).toBe(bytes.length);
    for (const [byte, codes] of outcomes) {
      if (byte < 8) expect(only(codes, ['NOT_A_BACKUP']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else if (byte >= 16 && byte < end) expect(only(codes, ['CORRUPTED']), `byte ${byte}: ${[...codes]}`).toBe(true);
      else expect(only(codes, ['CORRUPTED', 'TRUNCATED']), `byte ${byte}: ${[...codes]}`).toBe(true);
    }
    // A flip in the salt is damage, not a wrong passphrase, even when the key is derived afresh.
    const salt = new TextDecoder().decode(bytes.subarray(16, end - 32)).indexOf('"salt":"') + 16 + 9;
    const copy = bytes.slice();
    copy[salt] = (copy[salt] ?? 0) ^ 1;
    expect(await refusal(copy, { passphrase: PASS })).toBe('CORRUPTED');
  }, 120_000);

  it('refuses a file cut at any byte as TRUNCATED, and bytes appended as CORRUPTED', async () => {
    for (const passphrase of [undefined, PASS]) {
      const bytes = await makeBackup(tables, { targetFrameBytes: 1024, ...(passphrase ? { passphrase } : {}) });
      const key = passphrase ? (await inspectBackup([bytes], { passphrase })).key : null;
      const opts = key ? { key } : {};
      for (let cut = 0; cut < bytes.length; cut++) {
        expect(await refusal(bytes.subarray(0, cut), opts), `cut at ${cut}`).toBe('TRUNCATED');
      }
      const longer = new Uint8Array(bytes.length + 1);
      longer.set(bytes);
      expect(await refusal(longer, opts)).toBe('CORRUPTED');
    }
  }, 120_000);

  it('refuses frames swapped, dropped or taken from another backup with the same passphrase', async () => {
    const a = await makeBackup(tables, { targetFrameBytes: 1024, passphrase: PASS });
    const b = await makeBackup(tables, { targetFrameBytes: 1024, passphrase: PASS });
    const fa = frames(a);
    const fb = frames(b);
    expect(fa.frames.length).toBeGreaterThan(3);
    const [f0, f1, f2] = fa.frames as [Uint8Array, Uint8Array, Uint8Array];
    const rest = fa.frames.slice(3);
    expect(await refusal(join(fa.head, [f1, f0, f2, ...rest]), { passphrase: PASS })).toBe('CORRUPTED');
    expect(await refusal(join(fa.head, [f0, f2, ...rest]), { passphrase: PASS })).toBe('CORRUPTED');
    expect(await refusal(join(fa.head, [fb.frames[0] as Uint8Array, f1, f2, ...rest]), { passphrase: PASS })).toBe('CORRUPTED');
    // The last data frame re-flagged as final (attempted truncation that hides itself).
    const plain = await makeBackup(tables, { targetFrameBytes: 1024 });
    const fp = frames(plain);
    const [p0, p1, ...prest] = fp.frames as [Uint8Array, Uint8Array, ...Uint8Array[]];
    expect(await refusal(join(fp.head, [p1, p0, ...prest]))).toBe('CORRUPTED');
    expect(await refusal(join(fp.head, [p0, ...prest]))).toBe('CORRUPTED');
    const cutShort = fa.frames.slice(0, -1).map((f) => f.slice());
    const lastData = cutShort[cutShort.length - 1] as Uint8Array;
    lastData[0] = 1;
    expect(await refusal(join(fa.head, cutShort), { passphrase: PASS })).toBe('CORRUPTED');
  });
});

function frames(bytes: Uint8Array): { head: Uint8Array; frames: Uint8Array[] } {
  const end = headerEnd(bytes);
  const out: Uint8Array[] = [];
  let at = end;
  while (at < bytes.length) {
    const len = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(1);
    out.push(bytes.subarray(at, at + 5 + len));
    at += 5 + len;
  }
  return { head: bytes.subarray(0, end), frames: out };
}

function join(head: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, head.length);
  const out = new Uint8Array(total);
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
