// A file's bytes gathered into Blobs every few MB as they are made: the bytes then sit in the
// browser's blob store (or Node's), not in the heap that made them, and the finished file is one
// Blob of those pieces, never copied into one array.

/** The bytes are gathered into a Blob every few MB. */
const PIECE_BYTES = 8 * 1024 * 1024;

export class BlobPieces {
  private readonly blobs: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  /** The next bytes of the file (the writer must not reuse the array afterwards). */
  readonly push = (chunk: Uint8Array, final: boolean): void => {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= PIECE_BYTES || final) this.flush();
  };

  /** The whole file so far. */
  blob(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending as Uint8Array<ArrayBuffer>[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
