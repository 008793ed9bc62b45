// The `allocate` CLI command: the JSON shapes of issue 4, exit codes, and Chinese errors.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../scripts/cli/commands/allocate';
import { captureCliOutput } from '../../cli-output';

const cli = captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'allocate-cli-'));

function planFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}


describe('npm run cli -- allocate PLAN.json --json', () => {
  it('prints exactly {allocations, allocatedFen, unallocatedFen} in input order', async () => {
    const plan = {
      amountFen: 100_000,
      claims: [
        { id: 'B', netClaimFen: 200_000, paidFen: 50_000 },
        { id: 'A', netClaimFen: 300_000, paidFen: 0 },
      ],
      smallClaimThresholdFen: 0,
      minPaymentFen: 0,
    };
    expect(await run([planFile('plan.json', JSON.stringify(plan)), '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({
      allocations: [
        { id: 'B', amountFen: 33_333 },
        { id: 'A', amountFen: 66_667 },
      ],
      allocatedFen: 100_000,
      unallocatedFen: 0,
    });
  });

  it('reads a file with a UTF-8 BOM and prints a readable summary without --json', async () => {
    const path = planFile('bom.json', '\ufeff{"amountFen":500,"claims":[{"id":"张三","netClaimFen":300,"paidFen":0}]}');
    expect(await run([path])).toBe(0);
    expect(cli.out).toContain('张三: 3.00 元');
    expect(cli.out).toContain('未分配 unallocated: 2.00 元');
  });

  it('rejects an invalid plan with exit 1 and names each field in Chinese', async () => {
    const path = planFile('bad.json', '{"amountFen":-1,"claims":[{"id":"A","netClaimFen":10,"paidFen":20}]}');
    expect(await run([path, '--json'])).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err).toContain('amountFen: 本批清退金额 amountFen 不能为负数');
    expect(cli.err).toContain('claims[0].paidFen');
  });

  it('explains unreadable files and broken JSON, and shows usage for bad arguments', async () => {
    expect(await run([join(dir, 'missing.json'), '--json'])).toBe(1);
    expect(cli.err).toContain('无法读取清退方案文件');
    expect(await run([planFile('broken.json', '{"amountFen":'), '--json'])).toBe(1);
    expect(cli.err).toContain('不是有效的 JSON');
    expect(await run([])).toBe(2);
    expect(await run(['a.json', 'b.json'])).toBe(2);
    expect(cli.err).toContain('用法 usage');
  });

  it('says a number like 1e400 is not a finite number, naming the field', async () => {
    const path = planFile('infinite.json', '{"amountFen":1e400,"claims":[{"id":"A","netClaimFen":100,"paidFen":0}]}');
    expect(await run([path, '--json'])).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err).toContain('amountFen');
    expect(cli.err).toContain('不是有限的数');
    expect(cli.err).not.toContain('小数');
  });

  it('refuses a plan file over the size limit before reading it', async () => {
    // A sparse file: 600 MB on paper, nothing written (generated here, never committed).
    const path = join(dir, 'huge.json');
    writeFileSync(path, '{}');
    truncateSync(path, 600 * 1024 * 1024);
    expect(await run([path, '--json'])).toBe(1);
    expect(cli.err).toContain('太大');
    expect(cli.err).toContain('600 MB');
    expect(cli.err).toContain('file too large');
  });
});
