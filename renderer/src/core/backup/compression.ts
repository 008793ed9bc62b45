// Frame compression with the platform's CompressionStream('deflate-raw') (Node ≥ 18, Chromium ≥ 103,
// so every Electron this app supports): native zlib, no dependency, and no WebAssembly, which the
// app's CSP does not allow. Node runs it on its thread pool, so a frame compresses while the next is
// serialised. Each frame is compressed on its own: a reader inflates one frame at a time (memory
// stays at a frame) and a damaged frame cannot spoil the ones after it.

import { concatBytes } from './format';

type ByteStream = { readonly writable: WritableStream<BufferSource>; readonly readable: ReadableStream<Uint8Array> };

function feed(stream: ByteStream, bytes: Uint8Array): ReadableStreamDefaultReader<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the readable side; these promises only settle the writer.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return stream.readable.getReader();
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = feed(new CompressionStream('deflate-raw') as ByteStream, bytes);
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(parts);
}

/**
 * Inflates into exactly `expectedLength` bytes. Null when the data is not valid deflate or inflates
 * to any other length; it stops as soon as the output would pass the expected length, so a
 * "decompression bomb" costs no more memory than the frame limit the caller already enforces.
 */
export async function inflateRaw(bytes: Uint8Array, expectedLength: number): Promise<Uint8Array | null> {
  const reader = feed(new DecompressionStream('deflate-raw') as ByteStream, bytes);
  const out = new Uint8Array(expectedLength);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > expectedLength) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return null;
  }
  return at === expectedLength ? out : null;
}
