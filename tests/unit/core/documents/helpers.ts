import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { bundledFaceSources, createPdfEngine, type DocumentFaceSources, type PdfEngine } from '../../../../renderer/src/core/documents';

export const FONTS_DIR = join(__dirname, '../../../../templates/fonts');

let sources: Promise<DocumentFaceSources> | undefined;
export function faceSources(): Promise<DocumentFaceSources> {
  sources ??= bundledFaceSources(async (file) => new Uint8Array(readFileSync(join(FONTS_DIR, file))));
  return sources;
}

let engine: Promise<PdfEngine> | undefined;
/** One engine per test process, as the app keeps one per session. */
export function pdfEngine(): Promise<PdfEngine> {
  engine ??= faceSources().then(createPdfEngine);
  return engine;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'chufei-docs-'));
}

export function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function run(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function docxPart(bytes: Uint8Array, part: string): string {
  const zip = new PizZip(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`DOCX has no ${part}`);
  return file.asText();
}

export function docxPartNames(bytes: Uint8Array): string[] {
  return Object.keys(new PizZip(bytes).files);
}

/** pdftotext with layout off, whitespace removed, so wrapped lines compare as one text. */
export function pdfText(path: string): string {
  return run('pdftotext', [path, '-']).replace(/\s+/g, '');
}

export function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))?.[1] ?? 0);
}
