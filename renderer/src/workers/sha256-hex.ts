import { releaseBuffer } from '../core/common/release-buffer';

/** SHA-256 of a file's bytes as hex (WebCrypto; never called inside a database transaction). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/**
 * SHA-256 of bytes read only to be hashed, whose buffer is let go as soon as WebCrypto has its own
 * copy (taken when digest is called): a million-row list's 165 MB otherwise stayed in the page
 * until its next full collection, beside the import worker's peak (issue 17). The bytes read as
 * empty afterwards.
 */
export function sha256HexOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = globalThis.crypto.subtle.digest('SHA-256', bytes);
  releaseBuffer(bytes.buffer);
  return digest.then(hex);
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
