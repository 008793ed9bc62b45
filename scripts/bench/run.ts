// `npm run bench`: runs every scripts/bench/*.bench.ts (or those named on the command line) in turn.
// Benchmarks print figures and ratios; they never assert a time. Each file exports
// `run(): Promise<BenchResult[]>` and the runner prints one table at the end, so the README can
// carry it as is.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result';

const here = dirname(fileURLToPath(import.meta.url));

async function main(filter: readonly string[]): Promise<void> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)))
    .sort();
  const all: BenchResult[] = [];
  for (const f of files) {
    process.stdout.write(`\n## ${f}\n`);
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<BenchResult[]> };
    const results = await mod.run();
    for (const r of results) process.stdout.write(`${formatRow(r)}\n`);
    all.push(...results);
  }
  process.stdout.write('\n| benchmark | figure | target | ratio/verdict |\n|---|---|---|---|\n');
  for (const r of all) process.stdout.write(`| ${r.name} | ${r.figure} | ${r.target} | ${r.verdict} |\n`);
}

function formatRow(r: BenchResult): string {
  return `${r.name}: ${r.figure} (target ${r.target}) → ${r.verdict}`;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
