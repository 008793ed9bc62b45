import type { BackupBridge, BackupWriter } from '../../platform/bridge';

/**
 * The platform's backups, telling `onSaved` of every backup that finished (automatic or a chosen
 * file), so the store record names the newest backup whatever screen started it.
 */
export function recordingBackups(backups: BackupBridge, onSaved: (fileName: string, automatic: boolean) => void): BackupBridge {
  return {
    ...backups,
    beginBackup: async (target) => {
      const writer = await backups.beginBackup(target);
      if (!writer) return null;
      const recorded: BackupWriter = {
        fileName: writer.fileName,
        write: (chunk) => writer.write(chunk),
        rewind: () => writer.rewind(),
        abort: () => writer.abort(),
        finish: async () => {
          const saved = await writer.finish();
          onSaved(saved.fileName, target.kind === 'auto');
          return saved;
        },
      };
      return recorded;
    },
  };
}
