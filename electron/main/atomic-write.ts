// One way main writes a whole file: next to the target, fsync, rename over it, so a crash or a full
// disk never leaves a half-written file where the old one was.

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from './fs-errors.js';

/** `mode` applies to a new file (e.g. 0600 for personal data); the rename keeps it. */
export async function writeFileAtomically(target: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new Error(describeFsError('保存', target, error));
  }
}
