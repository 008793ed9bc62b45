// The zip container of an .xlsx, opened with limits before any XML is parsed: a 2 MB file that
// inflates to 2 GiB, or whose sizes lie, is refused after reading its directory (or after inflating
// at most the limit), never handed to SheetJS whole. Entries are inflated with fflate, in slices,
// counting every byte against what the directory declared.
import { Inflate } from 'fflate';

/** Limits of an .xlsx the import opens; each refusal names the limit and what the file claims. */
export const XLSX_LIMITS = {
  /** Parts (files) in the zip. Registers have ~10–30. */
  entries: 10_000,
  /** One part, inflated: an XML text longer than this cannot be held as one string (V8 ~512 MiB). */
  entryBytes: 500 * 1024 * 1024,
  /** All parts read, inflated. */
  totalBytes: 1024 * 1024 * 1024,
  /** Inflated ÷ compressed for a part over 16 MiB: spreadsheets compress 5–20×, zip bombs ~1000×. */
  ratio: 200,
  ratioFromBytes: 16 * 1024 * 1024,
} as const;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** A file that is not a readable zip, or breaks a limit: the message is for the user, in Chinese. */
export class XlsxLimitError extends Error {
  constructor(
    readonly code: 'FILE_UNREADABLE' | 'FILE_LIMIT',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxLimitError';
  }
}

const MB = 1024 * 1024;
export const mb = (n: number): string => `${(n / MB).toLocaleString('en', { maximumFractionDigits: n < 10 * MB ? 1 : 0 })} MB`;
const SAVE_AS_CSV = '这通常是损坏或被故意构造的文件；若确是很大的名单，请在 Excel 或 WPS 中另存为“CSV UTF-8”后导入（CSV 按行读取，不受此限）。';

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16)) + (b[i + 3] as number) * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

function unreadable(what: string): XlsxLimitError {
  return new XlsxLimitError('FILE_UNREADABLE', `文件的压缩结构已损坏（${what}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重新导入。`);
}

/** The central directory: names and the sizes the file declares (zip64 sizes included). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('找不到 zip 目录');
  let count = u16(bytes, eocd + 10);
  let dirOffset = u32(bytes, eocd + 16);
  // Zip64: the end-of-directory locator sits just before the classic record.
  const loc = eocd - 20;
  if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
    const z = u64(bytes, loc + 8);
    if (u32(bytes, z) === 0x06064b50) {
      count = u64(bytes, z + 32);
      dirOffset = u64(bytes, z + 48);
    }
  }
  if (count > XLSX_LIMITS.entries) {
    throw new XlsxLimitError('FILE_LIMIT', `文件声称含有 ${count.toLocaleString('en')} 个部件，超过导入上限 ${XLSX_LIMITS.entries.toLocaleString('en')} 个（名单文件通常只有几十个）。${SAVE_AS_CSV}`);
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw unreadable('zip 目录不完整');
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field (0x0001): only the values that are 0xFFFFFFFF in the record, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses, from the directory alone, parts whose declared size breaks a limit. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], fileName: string): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > XLSX_LIMITS.entryBytes) {
      throw new XlsxLimitError('FILE_LIMIT', `文件“${fileName}”中的“${e.name}”解压后有 ${mb(e.size)}，超过导入上限 ${mb(XLSX_LIMITS.entryBytes)}（压缩时只有 ${mb(e.compressedSize)}）。${SAVE_AS_CSV}`);
    }
    if (e.size > XLSX_LIMITS.ratioFromBytes && e.size > e.compressedSize * XLSX_LIMITS.ratio) {
      throw new XlsxLimitError('FILE_LIMIT', `文件“${fileName}”中的“${e.name}”压缩时 ${mb(e.compressedSize)}，解压后却有 ${mb(e.size)}（${Math.round(e.size / Math.max(1, e.compressedSize))} 倍，表格文件通常不超过 20 倍，上限 ${XLSX_LIMITS.ratio} 倍）。${SAVE_AS_CSV}`);
    }
  }
  if (total > XLSX_LIMITS.totalBytes) {
    throw new XlsxLimitError('FILE_LIMIT', `文件“${fileName}”解压后共有 ${mb(total)}，超过导入上限 ${mb(XLSX_LIMITS.totalBytes)}。${SAVE_AS_CSV}`);
  }
}

const SLICE = 64 * 1024;

/** One part's bytes, inflated; refused as soon as it yields more than its directory entry declared. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw unreadable(`“${entry.name}”的位置不对`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw unreadable(`“${entry.name}”不完整`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw unreadable(`“${entry.name}”的大小前后不一`);
    return data;
  }
  if (entry.method !== 8) throw unreadable(`“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  const out = new Uint8Array(entry.size);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > entry.size) {
      throw new XlsxLimitError('FILE_LIMIT', `文件“${fileName}”中的“${entry.name}”声称解压后有 ${mb(entry.size)}，实际解压出的内容更多（文件的大小信息是假的）。${SAVE_AS_CSV}`);
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !ended; i += SLICE) inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch (err) {
    if (err instanceof XlsxLimitError) throw err;
    throw unreadable(`“${entry.name}”无法解压`);
  }
  if (written !== entry.size) throw unreadable(`“${entry.name}”解压后只有 ${written} 字节，目录中写的是 ${entry.size}`);
  return out;
}
