import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The house rule of architecture.md, checked on every file of the renderer: imports point down
 * (ui → db/workers → platform → core) and never in a circle, and the core stays pure. A type-only
 * import counts: a type two pages share lives in its own file.
 */

const root = join(__dirname, '..', '..');
const src = join(root, 'renderer', 'src');

/** What each top folder of renderer/src may import (by the first folder of the target's path). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: ['core', 'templates'],
  i18n: ['i18n', 'core'],
  platform: ['platform', 'core', 'electron', 'package.json'],
  db: ['db', 'core', 'platform'],
  workers: ['workers', 'db', 'core', 'platform'],
  ui: ['ui', 'workers', 'db', 'core', 'platform', 'i18n'],
};

/** Packages that tie code to a screen, a store or a platform: none of them belongs in the core. */
const IMPURE_IN_CORE = /^(react|react-dom|react-i18next|dexie|electron|@blueprintjs\/|@tanstack\/react-|echarts)/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this spelling; try the next
    }
  }
  return undefined;
}

interface Edge {
  readonly from: string;
  readonly spec: string;
  readonly to: string | undefined;
}

function edgesOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((i) => ({ from: file, spec: i.fileName, to: i.fileName.startsWith('.') ? resolveLocal(file, i.fileName) : undefined }));
}

/** The top folder of renderer/src a path sits in, or the first folder of the repository when outside it. */
function areaOf(path: string): string {
  const inSrc = relative(src, path);
  if (!inSrc.startsWith('..')) return inSrc.split(sep)[0] ?? '';
  return relative(root, path).split(sep)[0] ?? '';
}

const files = sourceFiles(src);
const edges = files.flatMap(edgesOf);
const rel = (p: string) => relative(root, p);

/** Strongly connected components of more than one file (Tarjan), each a circle of imports. */
function circles(): string[][] {
  const graph = new Map<string, string[]>();
  for (const f of files) graph.set(f, []);
  for (const e of edges) if (e.to && graph.has(e.to)) graph.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe('imports point down and never in a circle', () => {
  it('reads the renderer (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(edges.filter((e) => e.to).length).toBeGreaterThan(1000);
  });

  it('every relative import resolves to a file', () => {
    const missing = edges.filter((e) => e.spec.startsWith('.') && !e.to && !/\.(css|json|svg|png|ttf|otf|woff2?)(\?.*)?$/.test(e.spec) && !e.spec.includes('?'));
    expect(missing.map((e) => `${rel(e.from)} → ${e.spec}`)).toEqual([]);
  });

  it('each area imports only the areas below it', () => {
    const upward: string[] = [];
    for (const e of edges) {
      const from = areaOf(e.from);
      const allowed = ALLOWED[from];
      if (!allowed || !e.spec.startsWith('.')) continue;
      const target = e.to ?? join(dirname(e.from), e.spec);
      const to = areaOf(target);
      if (!allowed.includes(to)) upward.push(`${rel(e.from)} → ${e.spec} (${from} may not import ${to})`);
    }
    expect(upward).toEqual([]);
  });

  it('the core imports no screen, store or platform package', () => {
    const impure = edges.filter((e) => areaOf(e.from) === 'core' && IMPURE_IN_CORE.test(e.spec)).map((e) => `${rel(e.from)} → ${e.spec}`);
    expect(impure).toEqual([]);
  });

  it('no two files import each other, directly or around a circle', () => {
    expect(circles()).toEqual([]);
  });
});
