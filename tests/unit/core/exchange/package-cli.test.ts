import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../scripts/cli/commands/package';
import { captureCliOutput } from '../../cli-output';

// `npm run cli -- package …`: make a signed sample with its key file, inspect it trusted and
// untrusted, and refuse a flipped bit, a cut file and a foreign key as JSON with exit 1.
const output = captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'pkg-cli-'));

async function sample(name: string) {
  const file = join(dir, `${name}.cfpkg`);
  const key = join(dir, `${name}.cfkey`);
  expect(await run(['make-sample', file, '--key-out', key, '--cases', '3', '--petitions', '5', '--batches', '2'])).toBe(0);
  output.reset();
  return { file, key };
}

describe('package CLI', () => {
  it('inspects a sample trusted by its key file', async () => {
    const { file, key } = await sample('a');
    expect(await run(['inspect', file, '--trust', key, '--json'])).toBe(0);
    const report = JSON.parse(output.out);
    expect(report).toMatchObject({ ok: true, signature: 'valid-trusted', bodyVerified: true, counts: { case: 3, petition: 5, refunds: 2 }, sender: { name: '环翠区处非办（样例）' } });
    expect(report.totals.petitionPersons).toBe(5);
  });

  it('without --trust reports a valid signature it could not attribute', async () => {
    const { file } = await sample('b');
    expect(await run(['inspect', file, '--json'])).toBe(0);
    expect(JSON.parse(output.out).signature).toBe('valid-untrusted');
  });

  it('refuses another office’s key, a flipped bit and a cut file as JSON with exit 1', async () => {
    const a = await sample('c');
    const b = await sample('d');
    expect(await run(['inspect', a.file, '--trust', b.key, '--json'])).toBe(1);
    expect(JSON.parse(output.out)).toMatchObject({ ok: false, code: 'WRONG_OFFICE_KEY' });
    output.reset();
    const bytes = readFileSync(a.file);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0x10;
    writeFileSync(join(dir, 'flipped.cfpkg'), bytes);
    expect(await run(['inspect', join(dir, 'flipped.cfpkg'), '--trust', a.key, '--json'])).toBe(1);
    expect(JSON.parse(output.out).error).toContain('未导入');
    output.reset();
    writeFileSync(join(dir, 'cut.cfpkg'), readFileSync(a.file).subarray(0, 300));
    expect(await run(['inspect', join(dir, 'cut.cfpkg'), '--json'])).toBe(1);
    expect(JSON.parse(output.out)).toMatchObject({ ok: false, code: 'TRUNCATED' });
  });
});
