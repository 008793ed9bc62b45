// Pass one of a restore, and what the restore dialog and `cli backup inspect` show: reads the whole
// file, verifies it and reports what it holds, or throws a BackupError. Nothing is written anywhere.
import type { AuditChainReport, AuditChainVerifier } from './audit-check';
import { checkAuditChain } from './audit-check';
import type { BackupKey } from './backup-crypto';
import { ByteReader, type ByteSource } from './byte-reader';
import { decodeFrames } from './decode-frames';
import type { BackupHeader } from './header';
import { type OpenOptions, openBackup } from './open-backup';
import type { BackupSealKey, BackupSealReport } from './seal';

export interface InspectOptions extends OpenOptions {
  readonly verifyAuditChain?: AuditChainVerifier;
  /** This installation's seal key: a sealed backup is then checked (a bad seal is refused as TAMPERED). */
  readonly sealKey?: BackupSealKey;
}

export interface BackupInspection {
  readonly header: BackupHeader;
  readonly headerSha256: string;
  /** Rows per table (a packed block of creditors counts as one row). */
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly bodySha256: string;
  readonly frames: number;
  readonly byteLength: number;
  readonly encrypted: boolean;
  /** Every check that passed; a failed check throws instead, so these are true when present. */
  readonly verified: {
    readonly headerSha256: true;
    readonly bodySha256: true;
    /** AES-GCM authentication of the header and every frame (encrypted files only). */
    readonly authenticated: boolean;
    readonly rowsDecoded: true;
  };
  readonly auditChain: AuditChainReport;
  /** Whether the file can prove nobody changed it since it was written (see seal.ts). */
  readonly seal: BackupSealReport;
  /** For an encrypted file: the derived key, so the restore pass need not ask for the passphrase again. */
  readonly key: BackupKey | null;
}

export async function inspectBackup(chunks: ByteSource, options: InspectOptions = {}): Promise<BackupInspection> {
  const reader = new ByteReader(chunks);
  try {
    const opened = await openBackup(reader, options);
    const auditTable = opened.header.auditChainHead?.table;
    const auditRows: unknown[] | null = auditTable !== undefined && options.verifyAuditChain ? [] : null;
    const frames = decodeFrames(reader, opened, options.sealKey);
    let step = await frames.next();
    while (!step.done) {
      if (auditRows !== null && step.value.table === auditTable) {
        for (const row of step.value.rows) auditRows.push(row);
      }
      step = await frames.next();
    }
    const { trailer, byteLength, seal } = step.value;
    return {
      header: opened.header,
      headerSha256: opened.headerSha256,
      rowCounts: trailer.rowCounts,
      bodySha256: trailer.bodySha256,
      frames: trailer.frames,
      byteLength,
      encrypted: opened.key !== null,
      verified: { headerSha256: true, bodySha256: true, authenticated: opened.key !== null, rowsDecoded: true },
      auditChain: await checkAuditChain(opened.header.auditChainHead, auditRows, options.verifyAuditChain, opened.header.auditAnchor ?? null),
      seal,
      key: opened.key,
    };
  } finally {
    await reader.close();
  }
}
