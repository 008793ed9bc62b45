// The public key file (.cfkey) an office hands to the offices it reports to: its identity, its
// Ed25519 public key and the fingerprint both sides read out over the phone before trusting it.
import { z } from 'zod';
import { isPublicKey, keyFingerprint } from './keys';
import type { OfficeIdentity } from './types';

export const KEY_FILE_EXTENSION = 'cfkey';

export interface OfficeKeyFile {
  readonly office: OfficeIdentity;
  readonly publicKey: string;
  readonly fingerprint: string;
}

const keyFileSchema = z.object({
  format: z.literal('chufei-exchange-key'),
  version: z.literal(1),
  office: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200), level: z.enum(['city', 'district']), district: z.string().max(100) }),
  publicKey: z.string(),
  fingerprint: z.string(),
});

export function writeKeyFile(office: OfficeIdentity, publicKey: string): string {
  return `${JSON.stringify({ format: 'chufei-exchange-key', version: 1, office, publicKey, fingerprint: keyFingerprint(publicKey) }, null, 2)}\n`;
}

/** The key file's content, or a Chinese message saying what is wrong with the file. */
export function readKeyFile(text: string): { ok: true; value: OfficeKeyFile } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: '所选文件不是处非工作台的公钥文件（.cfkey）。请选择对方单位在 设置 → 报送 中导出的公钥文件。' };
  }
  const file = keyFileSchema.safeParse(parsed);
  if (!file.success) return { ok: false, message: '公钥文件内容不完整或已损坏。请对方单位重新导出公钥文件。' };
  if (!isPublicKey(file.data.publicKey)) return { ok: false, message: '公钥文件中的公钥不是有效的 Ed25519 公钥。请对方单位重新导出公钥文件。' };
  const fingerprint = keyFingerprint(file.data.publicKey);
  if (fingerprint !== file.data.fingerprint) return { ok: false, message: '公钥文件中的指纹与公钥不符（文件可能被改动）。请对方单位重新导出，并电话核对指纹。' };
  return { ok: true, value: { office: file.data.office, publicKey: file.data.publicKey, fingerprint } };
}
