// An append-only column of strings kept as a few long runs of characters (issue 17): a million
// IDs, names or accounts as separate strings cost a 12–16-byte header each (and two bytes per digit
// when cut from a Chinese file's text); joined 4,096 at a time they cost their characters and a
// 4-byte offset. The joined characters are kept in typed arrays, outside the JS heap: V8 lets its
// old generation grow to a few times what it held after the last full collection, so ~90 MB of
// text living there through a million-row validation let ~200 MB more of garbage pile up beside it.
// Entry i is cut out again (a new string) when asked for.

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

/** A joined chunk: ASCII as bytes, other text as UTF-16 code units, or a string where neither is exact. */
type Chunk = string | Uint8Array | Uint16Array;

const NOT_ASCII = /[\u0080-\uffff]/;
/** Half of a surrogate pair (or a lone one): a UTF-16 decoder would not give it back as it was. */
const SURROGATE = /[\ud800-\udfff]/;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// ignoreBOM: a U+FEFF at the start of a chunk is an entry's character, not a mark to drop.
const asciiText = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16Text = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The joined chunk where the JS heap does not hold it, when it can be read back exactly. */
function packed(joined: string): Chunk {
  if (!NOT_ASCII.test(joined)) return new TextEncoder().encode(joined);
  if (!LITTLE_ENDIAN || SURROGATE.test(joined)) return flat(joined);
  const units = new Uint16Array(joined.length);
  for (let k = 0; k < joined.length; k++) units[k] = joined.charCodeAt(k);
  return units;
}

function unpacked(chunk: Uint8Array | Uint16Array): string {
  return chunk instanceof Uint8Array ? asciiText.decode(chunk) : utf16Text.decode(chunk);
}

/**
 * One entry read out of order (a person met again on a later row). A short one is built a code
 * unit at a time (a name: ~0.1 µs against ~1 µs for a decoder call; V8 keeps results under 13
 * units flat); a longer one is decoded.
 */
function entryAlone(chunk: Uint8Array | Uint16Array, start: number, end: number): string {
  if (end - start > 12) return unpacked(chunk.subarray(start, end));
  let text = '';
  for (let k = start; k < end; k++) text += String.fromCharCode(chunk[k] as number);
  return text;
}

export class TextStore {
  private readonly chunks: Chunk[] = [];
  /**
   * The chunk last read in order, as a string: reading a block of creditors one after another
   * decodes each chunk once. A read out of order (a creditor met again) decodes its entry alone.
   */
  private open = -1;
  private openText = '';
  private lastRead = -1;
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
    this.chunks.push(packed(this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }

  get(i: number): string {
    const c = i >>> CHUNK_BITS;
    if (c === this.chunks.length) return this.pending[i & (CHUNK - 1)] as string;
    const chunk = this.chunks[c] as Chunk;
    const inOrder = i === this.lastRead + 1;
    this.lastRead = i;
    const last = (i & (CHUNK - 1)) === CHUNK - 1 || i === this.count - 1;
    const start = this.starts[i] as number;
    const end = last ? chunk.length : (this.starts[i + 1] as number);
    if (typeof chunk === 'string') return chunk.slice(start, end);
    if (c !== this.open) {
      if (!inOrder) return entryAlone(chunk, start, end);
      this.open = c;
      // A string of V8's own (JSON.parse copies it out of the decoder's): in Chromium a decoded
      // string lives in Blink, and a block of creditors cut from it was ~30 % slower to store in
      // IndexedDB (a million: +1.6–4 s of commit in three runs). flat() is what a chunk cost before.
      this.openText = flat(unpacked(chunk));
    }
    return this.openText.slice(start, end);
  }

  /** Whether entry i is `text`, compared where it is kept (the ID lookup: no string made). */
  equals(i: number, text: string): boolean {
    const c = i >>> CHUNK_BITS;
    if (c === this.chunks.length) return this.pending[i & (CHUNK - 1)] === text;
    const chunk = this.chunks[c] as Chunk;
    const last = (i & (CHUNK - 1)) === CHUNK - 1 || i === this.count - 1;
    const start = this.starts[i] as number;
    const end = last ? chunk.length : (this.starts[i + 1] as number);
    if (end - start !== text.length) return false;
    if (typeof chunk === 'string') return chunk.startsWith(text, start);
    for (let k = 0; k < text.length; k++) if (chunk[start + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /** Lets go of the chunks whose entries all come before `end` (their entries cannot be read again). */
  release(end: number): void {
    const whole = end >= this.count ? this.chunks.length : end >>> CHUNK_BITS;
    for (let c = 0; c < whole; c++) this.chunks[c] = '';
    if (this.open < whole) {
      this.open = -1;
      this.openText = '';
    }
    if (end >= this.count) {
      this.pending = [];
      this.starts = new Int32Array(0);
    }
  }
}
