import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexOf } from '../../../renderer/src/workers/sha256-hex';

describe('a file hashed and let go (issue 17)', () => {
  it('gives the hash of the bytes as they were, and leaves them empty', async () => {
    const text = '序号,姓名\n1,王喆\n'.repeat(10_000);
    const expected = createHash('sha256').update(text).digest('hex');
    const bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
    expect(await sha256Hex(bytes)).toBe(expected);
    const hashing = sha256HexOf(bytes);
    // The buffer is gone before the hash is done: WebCrypto hashes its own copy.
    expect(bytes.length).toBe(0);
    expect(await hashing).toBe(expected);
  });
});
