// Generated creditor lists for the creditor benchmarks, kept under .tmp/ (git-ignored) and made once:
// the shared generator (../shared/tools/make-creditors.mjs) writes valid CSV, converted here to xlsx
// the way registers come (amounts and 序号 as numbers, IDs, accounts and phones as text).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { csvRows } from '../../renderer/src/core/creditors';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const benchTmp = join(repoRoot, '.tmp');
const sharedDir = process.env.SHARED_DIR ?? resolve(repoRoot, '../shared');
const MAKE = join(sharedDir, 'tools', 'make-creditors.mjs');

/**
 * Data rows of the million-row list both creditor benches import (Excel's row count; the file has
 * one more line, its header). One file for both, named by its row count, so no bench can pick up
 * a file of another size.
 */
export const MILLION_ROWS = 1_048_576;

export function millionRowCsv(): string {
  return ensureCreditorCsv(MILLION_ROWS, `c${MILLION_ROWS}.csv`);
}

/** Data lines of a generated CSV, counted from the file itself (line breaks less the header). */
export function csvDataLines(path: string): number {
  const bytes = readFileSync(path);
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}

export function ensureCreditorCsv(rows: number, file: string): string {
  const path = join(benchTmp, file);
  if (!existsSync(path)) {
    mkdirSync(benchTmp, { recursive: true });
    process.stdout.write(`generating ${path} (${rows} rows)…\n`);
    execFileSync(process.execPath, [MAKE, String(rows), path], { stdio: 'inherit' });
  }
  return path;
}

export function ensureCreditorXlsx(csvPath: string, file: string): string {
  const path = join(benchTmp, file);
  if (!existsSync(path)) {
    const aoa: Array<Array<string | number>> = [];
    for (const { cells } of csvRows(new Uint8Array(readFileSync(csvPath))).rows) {
      aoa.push(cells.map((c, i) => (aoa.length > 0 && (i === 0 || i === 4 || i === 5) && c !== '' ? Number(c) : String(c ?? ''))));
    }
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '集资参与人');
    writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  }
  return path;
}
