// Pass two of a restore. Takes the inspection of pass one, so rows can only be read from a file that
// has already been verified end to end; reads it again, checking that it is the same file (header
// hash first, every frame's authentication for encrypted files, the body hash and counts at the end).
// The caller must keep what it writes uncommitted until this generator returns: if the file changed
// between the passes, the final check throws and the restore must roll back.
import { ByteReader, type ByteSource } from './byte-reader';
import { decodeFrames, type FrameRows } from './decode-frames';
import { corrupted } from './errors';
import type { BackupInspection } from './inspect-backup';
import { openBackup } from './open-backup';

export type BackupRowBatch = FrameRows;

export async function* readBackupRows(
  chunks: ByteSource,
  inspection: BackupInspection,
): AsyncGenerator<BackupRowBatch, BackupInspection, undefined> {
  const reader = new ByteReader(chunks);
  try {
    const opened = await openBackup(reader, {
      expectedHeaderSha256: inspection.headerSha256,
      ...(inspection.key ? { key: inspection.key } : {}),
    });
    const frames = decodeFrames(reader, opened);
    let step = await frames.next();
    while (!step.done) {
      yield step.value;
      step = await frames.next();
    }
    const { trailer } = step.value;
    if (trailer.bodySha256 !== inspection.bodySha256 || trailer.frames !== inspection.frames) {
      throw corrupted('数据内容（与先前校验时不同：文件在校验后被替换或改动）', 'body differs from the verified one');
    }
    return inspection;
  } finally {
    await reader.close();
  }
}
