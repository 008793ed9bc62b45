import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as firms } from '../../../../scripts/cli/commands/firms';
import { run as keywords } from '../../../../scripts/cli/commands/keywords';
import { captureCliOutput } from '../../cli-output';

const cli = captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'firms-cli-'));

describe('npm run cli -- firms check', () => {
  it('prints the documented JSON shape, one entry per data row, numbered as Excel does', async () => {
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, '排查对象名单\n企业名称,统一社会信用代码,经营范围\n威海鑫源理财咨询有限公司,91371000MA3C8X7P1P,投资咨询\n坏公司,91371000MA3C8X7P1X,\n海川餐饮,,餐饮\n');
    const code = await firms(['check', file, '--json', '--today', '2026-11-26']);
    const json = JSON.parse(cli.out) as { rows: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['rows', 'firms', 'errorRows', 'keywordHits']);
    expect(json.rows.map((r) => Object.keys(r))).toEqual(Array(3).fill(['row', 'status', 'code', 'message', 'keywords']));
    expect(json.rows.map((r) => [r.row, r.status, r.code, r.keywords])).toEqual([
      [3, 'warning', 'KEYWORD_HIT', ['理财', '投资']],
      [4, 'error', 'CODE_INVALID', []],
      [5, 'warning', 'CODE_PENDING', []],
    ]);
    expect(json).toMatchObject({ firms: 2, errorRows: 1, keywordHits: 1 });
    expect(code).toBe(1);
  });

  it('says in Chinese when the sheet is wrong, and exits 1', async () => {
    const file = join(dir, 'x.csv');
    writeFileSync(file, '企业名称,统一社会信用代码\n');
    expect(await firms(['check', file, '--sheet', '第二页', '--json'])).toBe(1);
    expect(cli.err).toContain('CSV 文件只有一个工作表，没有“第二页”');
  });
});

describe('npm run cli -- keywords check', () => {
  it('checks each argument and prints its matched keywords', async () => {
    expect(await keywords(['check', '威海鑫源理財咨詢有限公司', '投、资', '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({
      results: [
        { text: '威海鑫源理財咨詢有限公司', keywords: ['理财'] },
        { text: '投、资', keywords: [] },
      ],
      hits: 1,
    });
  });

  it('reads one text per line from standard input when no text is given', async () => {
    expect(await keywords(['check', '--json'], () => '山東眾籌科技\r\n\r\n五金商店\n')).toBe(0);
    expect(JSON.parse(cli.out)).toMatchObject({ results: [{ keywords: ['众筹'] }, { keywords: [] }], hits: 1 });
  });
});
