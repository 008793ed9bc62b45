import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../../scripts/cli/commands/creditors';
import { sharedPath } from '../../../shared-dir';
import { declareSize, HEADER_ROW, xlsx } from './xlsx-builder';

const file = sharedPath('fixtures', 'creditors', 'messy-register.gb18030.csv');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run cli -- creditors check', () => {
  it('prints exactly the documented JSON shape, one entry per data row', async () => {
    const { out } = capture();
    const code = await run(['check', file, '--json', '--today', '2026-11-26']);
    const json = JSON.parse(out.join('')) as Record<string, unknown> & { rows: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['rows', 'creditors', 'errorRows', 'totalPrincipalFen', 'totalNetClaimFen']);
    expect(json.rows).toHaveLength(24);
    expect(json.rows[0]).toEqual({ row: 4, status: 'ok', code: 'OK', message: '' });
    expect(Object.keys(json.rows[3] ?? {})).toEqual(['row', 'status', 'code', 'message']);
    expect(json).toMatchObject({ creditors: 12, errorRows: 11, totalPrincipalFen: 98_400_000, totalNetClaimFen: 96_619_950 });
    expect(code).toBe(1);
  });

  it('explains usage errors and unknown sheets in Chinese', async () => {
    const { err } = capture();
    expect(await run(['check'])).toBe(2);
    expect(await run(['check', file, '--sheet', '第二页', '--json'])).toBe(1);
    expect(await run(['check', '/no/such/file.xlsx'])).toBe(1);
    expect(err.join('')).toContain('用法');
    expect(err.join('')).toContain('第二页');
    expect(err.join('')).toContain('无法读取文件');
  });

  it('refuses a spreadsheet bomb at once, naming the limit, never a sheet ""', async () => {
    const { err } = capture();
    const dir = mkdtempSync(join(tmpdir(), 'creditors-cli-'));
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, declareSize(xlsx(`<sheetData>${HEADER_ROW}</sheetData>`), 'xl/worksheets/sheet1.xml', 2 ** 31));
    expect(await run(['check', bomb])).toBe(1);
    expect(err.join('')).toContain('2,048 MB');
    expect(err.join('')).toContain('FILE_LIMIT');
    expect(err.join('')).not.toContain('“”');
  });
});
