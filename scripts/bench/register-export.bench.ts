// The register export at a million (issue 17): 导出名单 (the full list, personal data in full) on
// the register page, from the click to the downloaded file, with the time, Chromium's peak PSS
// (sampleMemory), the page's longest frame gap and longest task, and Chromium's CPU seconds. This
// build at EXPORT_BENCH_ROWS (default 1,048,576: two sheets) and at EXPORT_BENCH_REF_ROWS (default
// 100,000), and the reference (EXPORT_BENCH_REF, default e6ac7b1: SheetJS's in-memory sheet, which
// fails at a million) at EXPORT_BENCH_REF_ROWS in the same run, reference first. The downloaded
// file is checked: its sheets and each sheet's rows (from the zip's workbook and the sheets'
// dimensions). Figures only, no asserts. Run it with `npm run bench -- register-export`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import type { Browser } from 'playwright-core';
import type { BenchResult } from './bench-result';
import { verdictAtMost } from './bench-result';
import { benchTmp, repoRoot } from './creditor-inputs';
import { benchPage, buildReference, buildRenderer, launch, sampleMemory, servePreview, setUpCase, stopServer } from './creditors-app/harness';
import { startWatch, stopWatch, type Watched } from './pages-1m.bench';
import { seedRegister } from './repayment-app.bench';

const ROWS = Number(process.env.EXPORT_BENCH_ROWS ?? 1_048_576);
const REF_ROWS = Number(process.env.EXPORT_BENCH_REF_ROWS ?? 100_000);
const DIST = process.env.CREDITORS_BENCH_DIST ?? join(benchTmp, 'export-app-dist');
const PORT = Number(process.env.EXPORT_BENCH_PORT ?? 4298);
const REF_PORT = Number(process.env.EXPORT_BENCH_REF_PORT ?? PORT + 1);
const REF_COMMIT = process.env.EXPORT_BENCH_REF ?? 'e6ac7b1';
const TIMEOUT = Number(process.env.EXPORT_BENCH_TIMEOUT ?? 1_200_000);
const step = (what: string) => process.stderr.write(`register-export: ${what}\n`);

interface Run {
  readonly rows: number;
  readonly watched: Watched;
  readonly pssMb: number;
  readonly startPssMb: number;
  /** The file's size, its sheets and their data rows; or the message the page showed. */
  readonly file: { readonly mb: number; readonly sheets: readonly string[]; readonly rowsPerSheet: readonly number[] } | { readonly failed: string };
}

/**
 * Sheet names (workbook.xml) and data rows (each sheet's dimension, its first element) of a
 * downloaded xlsx: each part is inflated only until its head is read, never a million rows' XML.
 */
export function sheetsOf(path: string): { mb: number; sheets: string[]; rowsPerSheet: number[] } {
  const bytes = readFileSync(path);
  const heads = new Map<string, string>();
  const unzip = new Unzip((file) => {
    if (file.name !== 'xl/workbook.xml' && !file.name.startsWith('xl/worksheets/')) return;
    const decoder = new TextDecoder();
    let text = '';
    let read = false;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      // The rest of a sheet is inflated all the same (terminate does not stop Unzip.push): let it pass.
      if (read) return;
      text += decoder.decode(chunk, { stream: !final });
      if (final || (file.name !== 'xl/workbook.xml' && text.length > 4096)) {
        heads.set(file.name, text);
        read = true;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // In slices: one push of the whole file would inflate a million rows' sheet in one chunk.
  for (let at = 0; at < bytes.length; at += 1 << 16) unzip.push(bytes.subarray(at, at + (1 << 16)), at + (1 << 16) >= bytes.length);
  const sheets = [...(heads.get('xl/workbook.xml') ?? '').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1] as string);
  const rowsPerSheet = sheets.map((_, i) => {
    const ref = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(heads.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '')?.[1];
    return ref ? Number(ref) - 1 : Number.NaN;
  });
  return { mb: bytes.length / 1e6, sheets, rowsPerSheet };
}

async function runOne(browser: Browser, base: string, label: string, rows: number): Promise<Run> {
  const { context, page } = await benchPage(browser, TIMEOUT);
  await page.addInitScript('globalThis.__name = (f) => f');
  try {
    const caseId = await setUpCase(page, base, `导出基准〔2026〕${label}号`);
    step(`${label}: seeding ${rows} creditors`);
    await seedRegister(page, caseId, rows);
    await page.goto(`${base}#/creditors/${encodeURIComponent(caseId)}`);
    await page.getByTestId('creditor-totals').waitFor();
    await page.waitForTimeout(2000);
    step(`${label}: exporting`);
    const memory = await sampleMemory(page);
    const watch = await startWatch(page);
    const download = page.waitForEvent('download', { timeout: TIMEOUT }).then(
      (d) => d,
      () => null,
    );
    await page.getByRole('button', { name: '导出名单' }).click();
    const failed = page
      .locator('.bp6-toast, .bp5-toast')
      .filter({ hasText: '导出失败' })
      .first()
      .waitFor({ timeout: TIMEOUT })
      .then(
        async () => (await page.locator('.bp6-toast, .bp5-toast').filter({ hasText: '导出失败' }).first().textContent()) ?? '导出失败',
        () => null,
      );
    const first = await Promise.race([download.then((d) => ({ d })), failed.then((f) => ({ f }))]);
    let path: string | null = null;
    if ('d' in first && first.d) path = await first.d.path();
    const watched = await stopWatch(page, watch);
    const peaks = await memory.stop();
    let file: Run['file'];
    try {
      file = path ? sheetsOf(path) : { failed: ('f' in first ? first.f : null) ?? 'no file' };
    } catch (error) {
      file = { failed: `the downloaded file could not be read: ${String(error)}` };
    }
    const result = { rows, watched, pssMb: peaks.pssMb, startPssMb: peaks.startPssMb, file };
    step(`${label}: ${figureOfRun(result)}`);
    return result;
  } finally {
    await context.close();
  }
}

const figureOfRun = (r: Run) => {
  const w = r.watched;
  const f = r.file;
  const file = 'failed' in f ? `FAILED: ${f.failed}` : `${f.mb.toFixed(1)} MB, ${f.sheets.map((s, i) => `${s} ${f.rowsPerSheet[i]?.toLocaleString('en-US')} rows`).join(' + ')}`;
  return `${(w.ms / 1000).toFixed(1)} s wall, ${w.cpu.toFixed(1)} s Chromium CPU, peak PSS ${r.pssMb.toFixed(0)} MB (${r.startPssMb.toFixed(0)} MB before), longest frame gap ${w.maxGap.toFixed(0)} ms, longest page task ${w.longestTask.toFixed(0)} ms (load ${w.load[0].toFixed(1)}→${w.load[1].toFixed(1)}); file ${file}`;
};

export async function run(): Promise<BenchResult[]> {
  buildRenderer(repoRoot, DIST);
  const server = await servePreview(repoRoot, DIST, PORT);
  let refServer: Awaited<ReturnType<typeof servePreview>> | null = null;
  if (REF_COMMIT !== '0') {
    const refDist = join(benchTmp, `export-app-ref-${REF_COMMIT}`);
    buildReference(repoRoot, REF_COMMIT, refDist);
    refServer = await servePreview(repoRoot, refDist, REF_PORT);
  }
  const browser = await launch();
  try {
    const ref = refServer && REF_ROWS > 0 ? await runOne(browser, `http://127.0.0.1:${REF_PORT}/`, '参考', REF_ROWS) : null;
    const small = REF_ROWS > 0 ? await runOne(browser, `http://127.0.0.1:${PORT}/`, '1', REF_ROWS) : null;
    const big = await runOne(browser, `http://127.0.0.1:${PORT}/`, '2', ROWS);
    const results: BenchResult[] = [];
    if (small) {
      const ratio = ref ? small.watched.ms / ref.watched.ms : Number.NaN;
      const cpuRatio = ref ? small.watched.cpu / ref.watched.cpu : Number.NaN;
      results.push({
        name: `导出名单 (full list), ${REF_ROWS.toLocaleString('en-US')} creditors: click → file downloaded (streamed xlsx)`,
        figure: `${figureOfRun(small)}${ref ? `; reference ${REF_COMMIT} (SheetJS sheet in memory): ${figureOfRun(ref)}` : ''}`,
        target: '≤ 100 ms gap',
        verdict: `${verdictAtMost(small.watched.maxGap, 100, ' ms')}${ref ? `; ${ratio.toFixed(2)}× the reference's wall time, ${cpuRatio.toFixed(2)}× its CPU, peak PSS ${(small.pssMb / ref.pssMb).toFixed(2)}×` : ''}`,
      });
    }
    results.push({
      name: `导出名单 (full list), ${ROWS.toLocaleString('en-US')} creditors: click → file downloaded (an xlsx sheet holds 1,048,575 data rows: the rest on 名单(2))`,
      figure: figureOfRun(big),
      target: 'completes; ≤ 100 ms gap',
      verdict: 'failed' in big.file ? 'misses (failed)' : verdictAtMost(big.watched.maxGap, 100, ' ms'),
    });
    return results;
  } finally {
    await browser.close();
    stopServer(server);
    if (refServer) stopServer(refServer);
  }
}
