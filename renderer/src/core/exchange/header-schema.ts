// The header and body as read from a file are untrusted until checked: zod decides their shape
// before any field is used, so a damaged or hostile file cannot reach the rest of the code.
import { z } from 'zod';

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
});

export const packageBodySchema = z.object({
  records: z.array(
    z.object({
      kind: z.string().min(1).max(40),
      sourceId: z.string().min(1).max(300),
      district: z.string().max(100).nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
