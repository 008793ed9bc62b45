// Format version 2 hashes each frame with the platform's native SHA-256 (WebCrypto; a JS SHA-256 over
// 300 MB cost about 3 s of the write), and the body hash is SHA-256 over those 32-byte digests in
// frame order. A frame is hashed as stored before encryption: kind, table, length, compressed NDJSON.
export async function frameDigest(plain: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available');
  return new Uint8Array(await subtle.digest('SHA-256', plain as Uint8Array<ArrayBuffer>));
}
