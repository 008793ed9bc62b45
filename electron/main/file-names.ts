// File-name rules for saving and printing. Pure (node:path only), unit-tested without Electron.

import path from 'node:path';
import type { FileFilterSpec } from '../shared/ipc-contract.js';

/**
 * The Linux GTK dialog does not add the extension when the user types a bare name, and a file
 * called "起诉意见书" without ".docx" does not open on double-click. Adds the first filter's
 * extension when the chosen name has none of the allowed ones.
 */
export function ensureAllowedExtension(filePath: string, filters: readonly FileFilterSpec[]): string {
  const allowed = filters.flatMap((filter) => filter.extensions).filter((ext) => ext !== '*');
  const first = allowed[0];
  if (first === undefined || filters.some((filter) => filter.extensions.includes('*'))) {
    return filePath;
  }
  const current = path.extname(filePath).slice(1).toLowerCase();
  if (allowed.some((ext) => ext.toLowerCase() === current)) return filePath;
  return `${filePath}.${first}`;
}

/** Characters replaced in a title used as a file name on Windows and Linux. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
const UNSAFE_IN_NAME = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * Name of the temporary PDF handed to the system viewer: the document title (so the viewer's title
 * bar and print queue name it) plus a time stamp, so two prints of the same title never collide.
 */
export function printFileName(title: string, now: Date): string {
  const safeTitle = title.replace(UNSAFE_IN_NAME, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || '文书';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const random = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `${safeTitle}-${stamp}-${random}.pdf`;
}

/**
 * Whether candidate lies inside folder (or is folder itself), by resolved path. For actions where
 * main accepts a path at all (backups, issue 7): anything outside the allowed folders is refused.
 * Compares case-insensitively on Windows, where C:\Backups and c:\backups are the same folder.
 * Symbolic links are not followed here; callers that care resolve with fs.realpath first.
 */
export function isPathInside(folder: string, candidate: string, pathApi: typeof path = path): boolean {
  const fold = (value: string) => (pathApi.sep === '\\' ? value.toLowerCase() : value);
  const relative = pathApi.relative(fold(pathApi.resolve(folder)), fold(pathApi.resolve(candidate)));
  const leaves = relative === '..' || relative.startsWith(`..${pathApi.sep}`);
  return !leaves && !pathApi.isAbsolute(relative);
}
