// A file written in pieces (a backup stream, a large saved file): a temp file beside the target,
// pieces appended in order, then fsync and rename on commit, so nothing is visible under the
// target's name until the whole file is there (backup-actions.ts, file-actions.ts).

import { type FileHandle, rename, rm } from 'node:fs/promises';

export interface PieceFile {
  readonly handle: FileHandle;
  readonly temp: string;
  readonly target: string;
  /** Bytes written so far (where the next piece goes). */
  position: number;
}

export async function appendPiece(file: PieceFile, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await file.handle.write(bytes, done, bytes.byteLength - done, file.position);
    done += bytesWritten;
    file.position += bytesWritten;
  }
}

/** fsync, close, rename into place; on failure the temp file is removed and the error thrown. */
export async function commitPieceFile(file: PieceFile): Promise<void> {
  try {
    await file.handle.sync();
    await file.handle.close();
    await rename(file.temp, file.target);
  } catch (error) {
    await file.handle.close().catch(() => undefined);
    await rm(file.temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Closes and removes the temp file; never throws. */
export async function dropPieceFile(file: PieceFile): Promise<void> {
  await file.handle.close().catch(() => undefined);
  await rm(file.temp, { force: true }).catch(() => undefined);
}
