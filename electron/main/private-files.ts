// Files that hold the office's personal data (backups, print files, the store record) are readable
// by the signed-in user only: 0600 files in 0700 folders. Windows ignores these modes; there the
// folders lie in the user's own profile, which other users cannot read.

import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder (and parents) if needed and makes it private even if it existed before. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (process.platform !== 'win32') await chmod(folder, PRIVATE_FOLDER_MODE);
}

/**
 * Makes the files of a folder private that an earlier version wrote world-readable (umask 022).
 * Returns how many were changed; a file that cannot be changed is left as it is.
 */
export async function privatiseFiles(folder: string, matches: (name: string) => boolean): Promise<number> {
  if (process.platform === 'win32') return 0;
  let changed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!matches(name)) continue;
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || (info.mode & 0o077) === 0) continue;
    await chmod(file, PRIVATE_FILE_MODE).then(
      () => changed++,
      () => undefined,
    );
  }
  return changed;
}
