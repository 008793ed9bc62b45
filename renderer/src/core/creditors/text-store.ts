// An append-only column of strings kept as a few long flat strings (issue 17): a million IDs,
// names or accounts as separate strings cost a 12–16-byte header each (and two bytes per digit when
// cut from a Chinese file's text); joined 4,096 at a time they cost their characters and a 4-byte
// offset. Entry i is cut out again (a new string) when asked for.

/** Entries per joined chunk (a power of two: the chunk of entry i is i >>> CHUNK_BITS). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/** Text JSON takes between quotes as it is: no quote, backslash or control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON forbids unescaped.
const JSON_PLAIN = /^[^"\\\u0000-\u001f]*$/;

/**
 * The joined chunk as a flat string of its own, one byte per character where the text allows:
 * JSON.parse makes a one-byte string from digits cut out of a two-byte (Chinese) text.
 */
function flat(joined: string): string {
  return JSON_PLAIN.test(joined) ? (JSON.parse(`"${joined}"`) as string) : joined;
}

export class TextStore {
  private readonly chunks: string[] = [];
  /** Entries of the chunk being filled (not yet joined). */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Offset of each entry inside its chunk. */
  private starts = new Int32Array(CHUNK);
  private count = 0;
  /** A chunk shorter than CHUNK was joined: nothing may follow it. */
  private sealed = false;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.sealed) throw new Error('TextStore: push after seal');
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.pendingLength;
    this.pendingLength += text.length;
    this.pending.push(text);
    if (this.pending.length === CHUNK) this.seal();
  }

  /** Joins the entries not yet joined (at the end of the import: every entry then lives in a flat chunk). */
  seal(): void {
    if (this.pending.length === 0) return;
    this.sealed = this.pending.length < CHUNK;
    this.chunks.push(flat(this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }

  get(i: number): string {
    const c = i >>> CHUNK_BITS;
    if (c === this.chunks.length) return this.pending[i & (CHUNK - 1)] as string;
    const text = this.chunks[c] as string;
    const last = (i & (CHUNK - 1)) === CHUNK - 1 || i === this.count - 1;
    return text.slice(this.starts[i] as number, last ? text.length : (this.starts[i + 1] as number));
  }

  /** Lets go of the chunks whose entries all come before `end` (their entries cannot be read again). */
  release(end: number): void {
    const whole = end >= this.count ? this.chunks.length : end >>> CHUNK_BITS;
    for (let c = 0; c < whole; c++) this.chunks[c] = '';
    if (end >= this.count) {
      this.pending = [];
      this.starts = new Int32Array(0);
    }
  }
}
