// `npm run cli -- backup …` as a script or an operator would use it: exit codes and JSON output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../../scripts/cli/commands/backup';
import { forgePlainBackup } from './forge';

const dir = mkdtempSync(join(tmpdir(), 'backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  Object.assign(process.env, env);
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

describe('cli backup', () => {
  it('make-sample then inspect --json reports verified header, counts and audit chain', async () => {
    const file = join(dir, 'plain.cfbak');
    expect((await cli(['make-sample', file, '--creditors', '2500'])).code).toBe(0);
    const r = await cli(['inspect', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      ok: true,
      encrypted: false,
      rowCounts: { cases: 1, creditorBlocks: 3, attachments: 1, auditLog: 20 },
      verified: { headerSha256: true, bodySha256: true, authenticated: false },
      auditChain: { status: 'verified', headSeq: 20 },
    });
    expect(report.key).toBeUndefined();
  });

  it('--seal-key checks the seal with an installation key file; a forged row is refused', async () => {
    const keyFile = join(dir, 'backup-seal.key');
    const otherKey = join(dir, 'other-seal.key');
    writeFileSync(keyFile, Uint8Array.from({ length: 32 }, (_, i) => i));
    writeFileSync(otherKey, Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
    const file = join(dir, 'sealed.cfbak');
    expect((await cli(['make-sample', file, '--creditors', '10', '--seal-key', keyFile])).code).toBe(0);
    expect((await cli(['inspect', file, '--seal-key', keyFile])).stdout).toContain('签名：有效');
    expect((await cli(['inspect', file])).stdout).toContain('未核对');
    expect((await cli(['inspect', file, '--seal-key', otherKey])).stdout).toContain('另一密钥');
    const forged = join(dir, 'forged.cfbak');
    writeFileSync(
      forged,
      await forgePlainBackup(new Uint8Array(readFileSync(file)), {
        recomputeHashes: true,
        editRows: (_, lines) => lines.map((l) => l.replace('123456789', '987654321')),
      }),
    );
    const refused = await cli(['inspect', forged, '--seal-key', keyFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('签名不符');
    const short = join(dir, 'short.key');
    writeFileSync(short, Uint8Array.of(1, 2));
    expect((await cli(['inspect', file, '--seal-key', short])).code).toBe(2);
  });

  it('encrypted: passphrase from an env var; wrong or missing passphrase exits 1 with a Chinese message', async () => {
    const file = join(dir, 'enc.cfbak');
    expect((await cli(['make-sample', file, '--passphrase-env', 'BK_PASS', '--creditors', '10'], { BK_PASS: '正确的备份密码口令' })).code).toBe(0);
    const ok = await cli(['inspect', file, '--passphrase-env', 'BK_PASS', '--json'], { BK_PASS: '正确的备份密码口令' });
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, encrypted: true, verified: { authenticated: true } });
    const wrong = await cli(['inspect', file, '--passphrase-env', 'BK_PASS', '--json'], { BK_PASS: '错误的备份密码口令' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).error.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.stderr).toContain('密码不正确');
    const missing = await cli(['inspect', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('PASSPHRASE_REQUIRED');
    const weak = await cli(['make-sample', join(dir, 'weak.cfbak'), '--passphrase-env', 'BK_PASS'], { BK_PASS: '123' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('至少需要 8 个字符');
    const unset = await cli(['inspect', file, '--passphrase-env', 'NO_SUCH_VAR_X']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('NO_SUCH_VAR_X');
  });

  it('a truncated file, a missing file and bad usage', async () => {
    const file = join(dir, 'plain.cfbak');
    const cut = join(dir, 'cut.cfbak');
    writeFileSync(cut, readFileSync(file).subarray(0, 5000));
    const t = await cli(['inspect', cut]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('备份文件不完整');
    expect((await cli(['inspect', join(dir, 'none.cfbak')])).stderr).toContain('找不到文件');
    expect((await cli(['inspect'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
