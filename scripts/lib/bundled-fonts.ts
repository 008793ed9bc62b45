// The bundled document faces read from templates/fonts (CLI, benchmarks, tests): Node only.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledFaceSources } from '../../renderer/src/core/documents/fonts/bundled';
import type { DocumentFaceSources } from '../../renderer/src/core/documents/fonts/faces';

export const FONTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../templates/fonts');

let cached: Promise<DocumentFaceSources> | null = null;

export function readBundledFaces(): Promise<DocumentFaceSources> {
  cached ??= bundledFaceSources(async (file) => new Uint8Array(await readFile(join(FONTS_DIR, file))));
  return cached;
}
