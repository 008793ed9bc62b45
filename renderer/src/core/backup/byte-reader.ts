// Pulls exact byte counts out of an async stream of arbitrarily sized chunks (file reads, IPC
// messages), keeping at most one frame's worth buffered.

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly available: Uint8Array };

export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private ended = false;
  /** Bytes handed out so far: the file offset of the next read. */
  offset = 0;

  constructor(source: ByteSource) {
    this.iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.pendingBytes < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = next.value;
      if (!(chunk instanceof Uint8Array)) throw new TypeError('backup source must yield Uint8Array chunks');
      if (chunk.length === 0) continue;
      // Copied: a producer may reuse its buffer after we asked for the next chunk.
      this.pending.push(chunk.slice());
      this.pendingBytes += chunk.length;
    }
  }

  /** Exactly n bytes, or whatever was left when the stream ended first. */
  async read(n: number): Promise<ReadResult> {
    await this.fill(n);
    const take = Math.min(n, this.pendingBytes);
    const out = this.take(take);
    this.offset += take;
    return take === n ? { ok: true, bytes: out } : { ok: false, available: out };
  }

  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.pendingBytes === 0;
  }

  /** Lets a file-backed source close its handle when reading stops early. */
  async close(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.ended) {
      this.ended = true;
      await this.iterator.return?.();
    }
  }

  private take(n: number): Uint8Array {
    const first = this.pending[0];
    if (first && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.pending.shift();
      else this.pending[0] = first.subarray(n);
      this.pendingBytes -= n;
      return out;
    }
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const head = this.pending[0] as Uint8Array;
      const part = Math.min(head.length, n - at);
      out.set(head.subarray(0, part), at);
      at += part;
      if (part === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(part);
    }
    this.pendingBytes -= n;
    return out;
  }
}
