// CSV as Excel on Chinese Windows writes it: UTF-8 (with or without BOM) or GB18030/GBK, decoded
// and split in chunks so a million-row file never exists twice in memory as one string and rows.
import type { SheetRow } from './types';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const SAMPLE_BYTES = 64 * 1024;

/** A file that starts as UTF-8 and later holds bytes of another encoding. */
export class CsvEncodingError extends Error {
  readonly code = 'FILE_ENCODING';
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}
const CHUNK_BYTES = 1024 * 1024;

/** BOM first; else UTF-8 when the first 64 KB decode strictly as UTF-8; else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    // stream:true tolerates a character cut at the sample's end; only invalid bytes throw.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, SAMPLE_BYTES), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes in chunks; UTF-8 stays strict so a file mixing encodings fails loudly instead of garbling names. */
export function* decodeChunks(bytes: Uint8Array, encoding: TextEncodingName): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES);
    try {
      yield decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    } catch {
      throw new CsvEncodingError(
        `文件在第 ${start} 字节附近含有不是 UTF-8 编码的内容（编码混杂）。请在 Excel 中“另存为”CSV UTF-8 或 Excel 工作簿后重新导入。`,
      );
    }
  }
}

/** The delimiter of the first lines (titles may have none): comma, tab (Excel "Unicode text") or semicolon. */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, 8192).split('\n').slice(0, 20).join('\n');
  const count = (d: string) => lines.split(d).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/**
 * RFC 4180 records from text chunks: quoted fields may hold delimiters, "" and line breaks. Lines
 * without quotes take a fast path (native split). Row numbers count records, as Excel numbers rows.
 */
export function* csvRecords(chunks: Iterable<string>, delimiter?: string): Generator<SheetRow> {
  let buf = '';
  let pos = 0;
  let delim = delimiter;
  let rowNumber = 0;
  const iterator = chunks[Symbol.iterator]();
  for (;;) {
    const next = iterator.next();
    const done = next.done === true;
    if (!done) {
      buf = buf.slice(pos) + next.value;
      pos = 0;
    }
    // Position of the next quote, searched once and reused: searching per line would rescan the
    // whole chunk for every line of a file without quotes.
    let quote = -1;
    if (delim === undefined) {
      if (!done && buf.length < 4096 && buf.indexOf('\n') < 0) continue;
      delim = detectDelimiter(buf);
    }
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !done) break;
      const lineEnd = nl < 0 ? buf.length : nl;
      if (quote !== Number.POSITIVE_INFINITY && quote < pos) {
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = Number.POSITIVE_INFINITY;
      }
      if (quote >= lineEnd) {
        let line = buf.slice(pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        rowNumber++;
        yield { row: rowNumber, cells: line.split(delim) };
        pos = lineEnd + 1;
        continue;
      }
      const parsed = parseQuotedRecord(buf, pos, delim, done);
      if (!parsed) break; // the record continues in the next chunk
      rowNumber++;
      yield { row: rowNumber, cells: parsed.cells };
      pos = parsed.next;
    }
    if (done) return;
  }
}

function parseQuotedRecord(
  buf: string,
  start: number,
  delim: string,
  final: boolean,
): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let field = '';
  let i = start;
  let inQuotes = false;
  while (i < buf.length) {
    const ch = buf[i];
    if (inQuotes) {
      if (ch === '"') {
        if (i + 1 >= buf.length && !final) return null;
        if (buf[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      const close = buf.indexOf('"', i);
      if (close < 0) {
        if (!final) return null;
        field += buf.slice(i);
        i = buf.length;
        continue;
      }
      field += buf.slice(i, close);
      i = close;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (ch === delim) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || (ch === '\r' && buf[i + 1] === '\n')) {
      cells.push(field);
      return { cells, next: ch === '\r' ? i + 2 : i + 1 };
    } else if (ch === '\r' && i + 1 >= buf.length && !final) {
      return null;
    } else {
      field += ch;
      i++;
    }
  }
  if (!final) return null;
  cells.push(field);
  return { cells, next: buf.length };
}

/** Rows in a CSV file, estimated from the line breaks in its first megabyte (for progress bars). */
export function estimateCsvRows(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, CHUNK_BYTES);
  let lines = 0;
  // 0x0A never occurs inside a UTF-8 or GB18030 multi-byte character.
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0x0a) lines++;
  if (sample.length === 0) return 0;
  return Math.max(1, Math.round((lines * bytes.length) / sample.length));
}

/** Rows of a CSV file given as bytes, with the encoding detected. */
export function csvRows(bytes: Uint8Array): { encoding: TextEncodingName; rows: Iterable<SheetRow> } {
  const encoding = detectEncoding(bytes);
  return { encoding, rows: csvRecords(decodeChunks(bytes, encoding)) };
}
