// CSV as Excel on Chinese Windows writes it, decoded and split in pieces so a million-row file never
// exists twice in memory as one string and rows. Encodings: csv-encoding.ts.
import { byteChunks, CsvStructureError, decodePieces, detectEncoding, lineTooLong, MAX_LINE_BYTES, type TextEncodingName } from './csv-encoding';
import type { SheetRow } from './types';

export type { TextEncodingName } from './csv-encoding';
export { CsvEncodingError, CsvStructureError, detectEncoding } from './csv-encoding';

/** Excel's own limit per cell: a quoted field longer than this is a quote that never closed. */
export const MAX_CELL_CHARS = 32_767;
const CHUNK_BYTES = 1024 * 1024;

/** Decodes in line-ended pieces; UTF-8 stays strict so a file mixing encodings fails loudly. */
export function decodeChunks(bytes: Uint8Array, encoding: TextEncodingName): Generator<string> {
  return decodePieces(byteChunks(bytes), encoding);
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
 * A quote that never closes (or holds more than a cell can) stops with the line it opened on.
 */
export function* csvRecords(chunks: Iterable<string>, delimiter?: string): Generator<SheetRow> {
  let buf = '';
  let pos = 0;
  let delim = delimiter;
  let rowNumber = 0;
  // Physical line of `pos` (a quoted field may span lines), for messages.
  let line = 1;
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
      if (nl < 0 && !done) {
        if (buf.length - pos > MAX_LINE_BYTES) throw new CsvStructureError('CSV_LINE_TOO_LONG', lineTooLong(line), line);
        break;
      }
      const lineEnd = nl < 0 ? buf.length : nl;
      if (quote !== Number.POSITIVE_INFINITY && quote < pos) {
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = Number.POSITIVE_INFINITY;
      }
      if (quote >= lineEnd) {
        let text = buf.slice(pos, lineEnd);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        rowNumber++;
        line++;
        yield { row: rowNumber, cells: text.split(delim) };
        pos = lineEnd + 1;
        continue;
      }
      const parsed = parseQuotedRecord(buf, pos, delim, done, line);
      if (!parsed) break; // the record continues in the next chunk
      rowNumber++;
      line += parsed.lines;
      yield { row: rowNumber, cells: parsed.cells };
      pos = parsed.next;
    }
    if (done) return;
  }
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function unclosedQuote(buf: string, start: number, quoteAt: number, column: number, line: number, atEnd: boolean): CsvStructureError {
  const quoteLine = line + countBreaks(buf, start, quoteAt);
  const swallowed = countBreaks(buf, quoteAt, buf.length);
  const reason = atEnd
    ? `从这里到文件末尾${swallowed > 0 ? `（${swallowed.toLocaleString('en')} 行）` : ''}都被读成了同一个单元格`
    : `从这里起超过 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符（Excel 单元格的上限）仍没有配对的引号，后面的行都会被读进同一个单元格`;
  return new CsvStructureError(
    'CSV_UNCLOSED_QUOTE',
    `CSV 文件第 ${quoteLine} 行第 ${column} 列的引号（"）没有配对：${reason}。请用文本编辑器或 Excel 检查该处，删去多余的引号或补上缺少的引号后重新导入。`,
    quoteLine,
  );
}

function parseQuotedRecord(
  buf: string,
  start: number,
  delim: string,
  final: boolean,
  line: number,
): { cells: string[]; next: number; lines: number } | null {
  const cells: string[] = [];
  let field = '';
  let i = start;
  let inQuotes = false;
  let quoteAt = start;
  const done = (next: number) => ({ cells, next, lines: 1 + countBreaks(buf, start, next - 1) });
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
      if (close < 0 || close - quoteAt > MAX_CELL_CHARS + 1) {
        if (close >= 0 || buf.length - quoteAt > MAX_CELL_CHARS + 1) throw unclosedQuote(buf, start, quoteAt, cells.length + 1, line, false);
        if (!final) return null;
        throw unclosedQuote(buf, start, quoteAt, cells.length + 1, line, true);
      }
      field += buf.slice(i, close);
      i = close;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteAt = i;
      i++;
    } else if (ch === delim) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || (ch === '\r' && buf[i + 1] === '\n')) {
      cells.push(field);
      return done(ch === '\r' ? i + 2 : i + 1);
    } else if (ch === '\r' && i + 1 >= buf.length && !final) {
      return null;
    } else {
      field += ch;
      i++;
    }
  }
  if (!final) return null;
  cells.push(field);
  return done(buf.length + 1);
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
  return csvRowsFrom(bytes.subarray(0, 4 * CHUNK_BYTES), () => byteChunks(bytes));
}

/**
 * Rows of a CSV file read in chunks (a File read piece by piece in a worker): `head` is the file's
 * first bytes (for the encoding), `chunks` gives the whole file from its start on each call.
 */
export function csvRowsFrom(head: Uint8Array, chunks: () => Iterable<Uint8Array>): { encoding: TextEncodingName; rows: Iterable<SheetRow> } {
  const encoding = detectEncoding(head);
  return { encoding, rows: { [Symbol.iterator]: () => csvRecords(decodePieces(chunks(), encoding)) } };
}
