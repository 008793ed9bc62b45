// The text encoding of a CSV file as Excel on Chinese Windows writes it (UTF-8 with or without BOM,
// GB18030/GBK, UTF-16 "Unicode text"), and decoding in pieces that each end at a line break, so an
// error names the exact byte and line. A file that changes encoding part way (lists pasted together
// from two sources) fails loudly in both directions instead of importing garbled names.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const SAMPLE_BYTES = 64 * 1024;
/** No register line is this long: a file without line breaks is not a list (or lost them). */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
const PIECE_BYTES = 1024 * 1024;

/** A file that starts in one encoding and later holds bytes of another. */
export class CsvEncodingError extends Error {
  readonly code = 'FILE_ENCODING';
  constructor(
    message: string,
    /** Byte offset of the first byte in the other encoding. */
    readonly offset: number,
    /** 1-based line of that byte. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

/** A CSV whose structure is broken: a quote never closed, a line too long to be a register row. */
export class CsvStructureError extends Error {
  constructor(
    readonly code: 'CSV_UNCLOSED_QUOTE' | 'CSV_LINE_TOO_LONG',
    message: string,
    /** 1-based line where the problem starts. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvStructureError';
  }
}

export function lineTooLong(line: number): string {
  return `CSV 文件从第 ${line} 行起超过 ${MAX_LINE_BYTES / 1024 / 1024} MB 仍没有换行，不像名单的一行（可能不是 CSV 文件，或换行符已丢失）。请在 Excel 或 WPS 中打开核对，另存为 Excel 工作簿或“CSV UTF-8”后重新导入。`;
}

/** Index of the first byte ≥ 0x80, or -1. */
function firstHighByte(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

/**
 * BOM first; else UTF-8 when the first 64 KB holding non-ASCII text decode strictly as UTF-8; else
 * GB18030 (a superset of GBK and GB2312). `head`: the file's first bytes (a few MB are plenty).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const high = firstHighByte(head);
  if (high < 0) return 'utf-8';
  // From the start of the line holding the first non-ASCII byte: long ASCII titles do not decide.
  const start = head.lastIndexOf(0x0a, high) + 1;
  try {
    // stream:true tolerates a character cut at the sample's end; only invalid bytes throw.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(start, start + SAMPLE_BYTES), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Byte length of a valid UTF-8 sequence at i, 0 when invalid (or cut at `end`). */
function utf8SequenceAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i] as number;
  const cont = (k: number) => i + k < end && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] as number;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] as number;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    if ((b[i] as number) < 0x80) continue;
    const n = utf8SequenceAt(b, i, b.length);
    if (n === 0) return i;
    i += n - 1;
  }
  return -1;
}

function countLines(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0 && i < end; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Lines of a GB18030 file that are really UTF-8: a run of consecutive non-ASCII lines, each valid
 * UTF-8 made of CJK ideographs (U+4E00–U+9FFF, three bytes each), holding four or more of them
 * together. GBK text passes that by chance about once in 10⁹ runs; one garbled name is enough to
 * make it worth stopping for.
 */
class Utf8InGbDetector {
  private runStart = -1;
  private runLine = 0;
  private runCjk = 0;

  /** Scans one piece (ending at a line break); returns [offset, line] of a UTF-8 run, or null. */
  scan(b: Uint8Array, pieceStart: number, lineAtStart: number): readonly [number, number] | null {
    let line = lineAtStart;
    let lineStart = 0;
    let high = false;
    let valid = true;
    let cjk = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i] as number;
      if (c === 0x0a) {
        const hit = this.endLine(high, valid, cjk, pieceStart + lineStart, line);
        if (hit) return hit;
        line++;
        lineStart = i + 1;
        high = false;
        valid = true;
        cjk = 0;
        continue;
      }
      if (c < 0x80) continue;
      high = true;
      const n = utf8SequenceAt(b, i, b.length);
      if (n === 3 && c >= 0xe4 && c <= 0xe9) {
        cjk++;
        i += 2;
        continue;
      }
      // Not UTF-8 CJK: this line is GB18030 as the file says; go to its end.
      valid = false;
      const nl = b.indexOf(0x0a, i);
      i = (nl < 0 ? b.length : nl) - 1;
    }
    if (lineStart < b.length) return this.endLine(high, valid, cjk, pieceStart + lineStart, line);
    return null;
  }

  private endLine(high: boolean, valid: boolean, cjk: number, offset: number, line: number): readonly [number, number] | null {
    if (!high) return null;
    if (!valid || cjk === 0) {
      this.runStart = -1;
      this.runCjk = 0;
      return null;
    }
    if (this.runStart < 0) {
      this.runStart = offset;
      this.runLine = line;
    }
    this.runCjk += cjk;
    return this.runCjk >= 4 ? [this.runStart, this.runLine] : null;
  }
}

const RESAVE = '请在 Excel 或 WPS 中把整个名单另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿后重新导入。';

/**
 * Decodes byte chunks as text pieces that each end at a line break (0x0A never occurs inside a
 * UTF-8 or GB18030 character), UTF-8 strictly; a GB18030 file is watched for UTF-8 lines.
 * A chunk is never read again once the next one is asked for (nothing here keeps a view on it), so
 * a reader may let its buffer go then (issue 17: the worker frees each 1 MB read at once).
 */
export function* decodePieces(chunks: Iterable<Uint8Array>, encoding: TextEncodingName): Generator<string> {
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const watch = encoding === 'gb18030' ? new Utf8InGbDetector() : null;
  let carry: Uint8Array = new Uint8Array(0);
  /**
   * Where a line cut at a chunk's end is joined with the next chunk: one buffer for the whole file
   * instead of a new megabyte per chunk, which lived on as garbage until a full collection.
   */
  let joined = new Uint8Array(0);
  let offset = 0;
  let line = 1;
  const emit = (piece: Uint8Array, last: boolean): string => {
    if (watch) {
      const hit = watch.scan(piece, offset, line);
      if (hit) {
        throw new CsvEncodingError(
          `文件按 GBK/GB18030 编码读取，但从第 ${hit[1]} 行（第 ${hit[0].toLocaleString('en')} 字节）起是 UTF-8 编码的内容（两种编码混在一个文件里，照读会把姓名变成乱码）。${RESAVE}`,
          hit[0],
          hit[1],
        );
      }
    }
    try {
      // UTF-16 pieces are cut by bytes, not lines: the decoder carries a split character over.
      return decoder.decode(piece, { stream: wide && !last });
    } catch {
      const bad = firstInvalidUtf8(piece);
      const at = offset + Math.max(0, bad);
      const atLine = line + countLines(piece, Math.max(0, bad));
      throw new CsvEncodingError(
        `文件按 UTF-8 编码读取，但从第 ${atLine} 行（第 ${at.toLocaleString('en')} 字节）起含有其他编码（如 GBK）的内容（编码混杂）。${RESAVE}`,
        at,
        atLine,
      );
    } finally {
      if (!wide) line += countLines(piece, piece.length);
      offset += piece.length;
    }
  };
  for (const chunk of chunks) {
    let bytes = chunk;
    if (carry.length > 0) {
      const length = carry.length + chunk.length;
      // Room for the usual line left over (well under 64 KB) without growing again.
      if (joined.length < length) joined = new Uint8Array(Math.max(length, chunk.length + 64 * 1024));
      joined.set(carry);
      joined.set(chunk, carry.length);
      bytes = joined.subarray(0, length);
    }
    // UTF-16 has 0x0A as half of other characters: cut anywhere, the stream decoder joins them.
    const cut = wide ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
    if (cut === 0) {
      if (bytes.length > MAX_LINE_BYTES) throw new CsvStructureError('CSV_LINE_TOO_LONG', lineTooLong(line), line);
      // A copy: neither the chunk nor the join buffer is read after this.
      carry = bytes.slice();
      continue;
    }
    yield emit(bytes.subarray(0, cut), false);
    carry = bytes.slice(cut);
  }
  yield emit(carry, true);
}

/** The file's bytes as ~1 MB chunks (a view each, no copy). */
export function* byteChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) yield bytes.subarray(start, Math.min(bytes.length, start + PIECE_BYTES));
}
