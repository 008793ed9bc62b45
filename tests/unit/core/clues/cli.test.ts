import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { run as adverts } from '../../../../scripts/cli/commands/adverts';
import { run as reward } from '../../../../scripts/cli/commands/reward';
import { captureCliOutput } from '../../cli-output';

const io = captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'clues-cli-'));

describe('npm run cli -- adverts check', () => {
  it('prints one verdict per data row in the documented shape, exit 1 when rows are wrong', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['媒体', '广告主', '发布日期', '内容'],
        ['网站', '某理财公司', '2026-09-01', '年化 20%'],
        ['网站', '某理财公司', '2026-09-31', '高息'],
      ]),
      '监测',
    );
    const file = join(dir, 'ads.xlsx');
    writeFileSync(file, write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const code = await adverts(['check', file, '--today', '2026-11-26', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      rows: [
        { row: 2, status: 'ok', code: 'OK', message: '' },
        { row: 3, status: 'error', code: 'DATE_INVALID', message: expect.stringContaining('第 3 行：监测日期') },
      ],
      adverts: 1,
      errorRows: 1,
    });
  });

  it('names an unknown sheet and exits 1', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['a']]), 'Sheet1');
    const file = join(dir, 'one.xlsx');
    writeFileSync(file, write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(await adverts(['check', file, '--sheet', '没有', '--json'])).toBe(1);
    expect(io.err).toContain('没有');
  });
});

describe('npm run cli -- reward', () => {
  it('gives the tier and the limit applied', async () => {
    const rule = join(dir, 'rule.json');
    const clue = join(dir, 'clue.json');
    writeFileSync(rule, JSON.stringify({ limitFen: 200_000 }));
    writeFileSync(clue, JSON.stringify({ clueNo: '线索〔2026〕3号', verifyResult: '属实', basisYuan: '300万' }));
    expect(await reward([rule, clue, '--json'])).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ eligible: true, tier: 2, tierFen: 300_000, rewardFen: 200_000, limitApplied: true, limitFen: 200_000 });
  });

  it('says why a clue earns nothing, and refuses a broken rule', async () => {
    const rule = join(dir, 'rule2.json');
    const clue = join(dir, 'clue2.json');
    writeFileSync(rule, JSON.stringify({}));
    writeFileSync(clue, JSON.stringify({ clueNo: 'X', verifyResult: '属实', basisFen: 100, reporterIsStaff: true }));
    expect(await reward([rule, clue, '--json'])).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ eligible: false, reason: expect.stringContaining('工作人员') });
    writeFileSync(rule, JSON.stringify({ limitFen: -1 }));
    expect(await reward([rule, clue, '--json'])).toBe(1);
    expect(io.err).toContain('单条线索奖励上限');
  });
});
