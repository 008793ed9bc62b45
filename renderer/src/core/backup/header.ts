// Header and trailer: the JSON parts of a backup, validated strictly so that a damaged or
// hand-edited file is refused rather than half-understood.
import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, MAX_TABLES, PBKDF2_MAX_ITERATIONS, PBKDF2_MIN_ITERATIONS } from './format';

/** Why the backup was taken; shown in the restore list (e.g. 升级前自动备份). */
export const BACKUP_REASONS = ['manual', 'startup', 'quit', 'pre-migration', 'pre-upgrade', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
/** Identifier-like, as Dexie table names are; "__proto__" would vanish as a JSON object key. */
export const TABLE_NAME_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$.-]{0,199}$/;
export function isValidTableName(name: unknown): name is string {
  return typeof name === 'string' && TABLE_NAME_PATTERN.test(name) && name !== '__proto__';
}
const tableName = z.string().refine(isValidTableName, 'invalid table name');

const auditChainHeadSchema = z.strictObject({
  /** The table holding the audit log (审计日志) inside this backup. */
  table: tableName,
  seq: z.number().int().nonnegative(),
  hash: hex64,
});
export type AuditChainHead = z.infer<typeof auditChainHeadSchema>;

/**
 * The installation's audit anchor when the backup was written (core/audit/chain-anchor.ts): the
 * newest entry the app had seen committed, kept outside the database. A backup whose audit log does
 * not reach it (or differs there) was taken of a log already cut short or replaced. Absent in
 * backups written before anchors were kept and where the platform keeps none.
 */
const auditAnchorSchema = z.strictObject({
  seq: z.number().int().positive(),
  hash: hex64,
  firstHash: hex64,
});
export type BackupAuditAnchor = z.infer<typeof auditAnchorSchema>;

const encryptionSchema = z.strictObject({
  algorithm: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(PBKDF2_MIN_ITERATIONS).max(PBKDF2_MAX_ITERATIONS),
  salt: base64,
  baseIv: base64,
  /** GCM tag over nothing under a reserved IV: tells a wrong passphrase from a damaged body. */
  keyCheck: base64,
});
export type BackupEncryptionParams = z.infer<typeof encryptionSchema>;

const headerFields = {
  format: z.literal(FORMAT_NAME),
  appVersion: z.string().min(1).max(100),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
  reason: z.enum(BACKUP_REASONS),
  tables: z
    .array(tableName)
    .max(MAX_TABLES)
    .refine((names) => new Set(names).size === names.length, 'duplicate table name'),
  auditChainHead: auditChainHeadSchema.nullable(),
  auditAnchor: auditAnchorSchema.nullable().optional(),
  encryption: encryptionSchema.nullable(),
};

const sealSchema = z.strictObject({
  algorithm: z.literal('HMAC-SHA256'),
  /** Names the installation's key (a hash of it, never the key): see seal.ts. */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
});
export type BackupSealParams = z.infer<typeof sealSchema>;

/** Format version 1 (before compression and seals): still read, never written. */
export const headerV1Schema = z.strictObject({ ...headerFields, formatVersion: z.literal(1) });

const headerV2Fields = {
  ...headerFields,
  /** Every ROWS frame's NDJSON is compressed on its own (a frame can be read without the others). */
  compression: z.literal('deflate-raw'),
  /** An HMAC over the header and trailer with a key kept outside the database and the file. */
  seal: sealSchema.nullable(),
};

/** Format version 2 (rows one JSON line each, a long array element by element): still read, never written. */
export const headerV2Schema = z.strictObject({ ...headerV2Fields, formatVersion: z.literal(2) });

/** Format version 3: the same header; a long array of records in a row is written as columns (block-columns.ts). */
export const headerV3Schema = z.strictObject({ ...headerV2Fields, formatVersion: z.literal(FORMAT_VERSION) });

/** A header as the reader hands it on: version 1 headers read with no compression and no seal. */
export type BackupHeader = Omit<z.infer<typeof headerV3Schema>, 'formatVersion' | 'compression'> & {
  readonly formatVersion: 1 | 2 | typeof FORMAT_VERSION;
  readonly compression: 'deflate-raw' | null;
};

/** The schema of a header of the given format version (the preamble says which). */
export function headerSchemaFor(version: number): z.ZodType<BackupHeader> {
  if (version === 1) return headerV1Schema.transform((h): BackupHeader => ({ ...h, compression: null, seal: null }));
  return (version === 2 ? headerV2Schema : headerV3Schema) as z.ZodType<BackupHeader>;
}

export const trailerSchema = z.strictObject({
  /** Rows per table as written; a reader recounts and compares. */
  rowCounts: z.record(tableName, z.number().int().nonnegative()),
  /** SHA-256 over every data frame's plaintext, each preceded by its length (u32 BE). */
  bodySha256: hex64,
  /** Data frames before the trailer. */
  frames: z.number().int().nonnegative(),
});
export type BackupTrailer = z.infer<typeof trailerSchema>;

export function parseJsonWith<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, value: parsed.data };
}
