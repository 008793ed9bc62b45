// The header and body as read from a file are untrusted until checked: zod decides their shape
// before any field is used, so a damaged or hostile file cannot reach the rest of the code.
import { z } from 'zod';
import { registerCountsProblem } from './register-counts';

const office = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  level: z.enum(['city', 'district']),
  district: z.string().max(100),
});

export const packageHeaderSchema = z.object({
  format: z.literal('chufei-exchange'),
  formatVersion: z.number().int().min(1),
  packageId: z.string().min(1).max(200),
  kind: z.enum(['report', 'notice']),
  sender: office.extend({ publicKey: z.string().max(100) }),
  recipient: office.nullable(),
  period: z.object({
    kind: z.enum(['month', 'quarter', 'year']),
    key: z.string().max(20),
    from: z.string().max(10),
    to: z.string().max(10),
    label: z.string().max(40),
  }),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1),
  counts: z.record(z.string(), z.number().int().min(0)),
  totals: z.object({
    amountInvolvedFen: z.number().int(),
    lossesRecoveredFen: z.number().int(),
    refundPaidFen: z.number().int(),
    petitionPersons: z.number().int(),
    creditors: z.number().int(),
  }),
  personalData: z.object({ included: z.boolean(), by: z.string().max(100), reason: z.string().max(500) }),
  body: z.object({
    compression: z.literal('deflate-raw'),
    encryption: z
      .object({
        algorithm: z.literal('AES-256-GCM'),
        kdf: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(1).max(10_000_000),
        salt: z.string().max(100),
        iv: z.string().max(100),
      })
      .nullable(),
    plainBytes: z.number().int().min(0),
    storedBytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  registers: z
    .object({
      frames: z.number().int().min(0),
      storedBytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      iv: z.string().max(100).nullable(),
    })
    .optional(),
});

/**
 * The body's shape, checked by hand: a district's year is 20,000+ records and a schema library
 * walking each one cost more than the rest of reading the package. Returns the problem's path or null.
 */
export function checkPackageBody(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { records?: unknown }).records)) return 'records';
  const records = (value as { records: unknown[] }).records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as { kind?: unknown; sourceId?: unknown; district?: unknown; data?: unknown } | null;
    if (typeof r !== 'object' || r === null) return `records.${i}`;
    if (typeof r.kind !== 'string' || r.kind.length === 0 || r.kind.length > 40) return `records.${i}.kind`;
    if (typeof r.sourceId !== 'string' || r.sourceId.length === 0 || r.sourceId.length > 300) return `records.${i}.sourceId`;
    if (r.district !== null && (typeof r.district !== 'string' || r.district.length > 100)) return `records.${i}.district`;
    if (typeof r.data !== 'object' || r.data === null || Array.isArray(r.data)) return `records.${i}.data`;
    if (r.kind === 'case') {
      const problem = registerCountsProblem(r.data as Record<string, unknown>);
      if (problem !== null) return `records.${i}.data.${problem}`;
    }
  }
  return null;
}
