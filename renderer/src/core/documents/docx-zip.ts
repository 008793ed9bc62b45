// Zips the parts of a DOCX. Most of a one-page notice's package is the same in every file: styles,
// theme, numbering, font table, settings, footers, relationships, content types (three quarters of
// the bytes). The docx library builds them and deflates them all again for every file, which was
// 74 % of a notice's time (issue 17). Here each part's deflated bytes are kept beside its text, and a
// part whose text is the same as last time is written from them; only what changed (the document
// body, the created/modified times) is deflated. The package holds exactly the parts and texts the
// library gives, in its order. Parts come from the library's compiler (docx 9's `Packer.compiler`,
// not a public name): where it is missing we return null and the caller packs the library's way.
import { deflateSync } from 'fflate';

type PartData = string | Uint8Array;

interface Compiler {
  compile(file: unknown, prettify: undefined, overrides: readonly { path: string; data: PartData }[]): Map<string, PartData>;
}

/** The library's part compiler, or null if this version of docx has none we can call. */
export function docxCompiler(packer: unknown): Compiler | null {
  const c = (packer as { compiler?: Partial<Compiler> } | null)?.compiler;
  return c && typeof c.compile === 'function' ? (c as Compiler) : null;
}

interface KeptPart {
  readonly data: PartData;
  readonly crc: number;
  readonly size: number;
  readonly deflated: Uint8Array;
}

/** Parts larger than this (a batch's document body) are deflated without being kept. */
const KEEP_AT_MOST = 64 * 1024;
const kept = new Map<string, KeptPart>();

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = new TextEncoder();

function sameData(a: PartData, b: PartData): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compressed(path: string, data: PartData): KeptPart {
  const before = kept.get(path);
  if (before && sameData(before.data, data)) return before;
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const part = { data, crc: crc32(bytes), size: bytes.length, deflated: deflateSync(bytes, { level: 6 }) };
  if (bytes.length <= KEEP_AT_MOST) kept.set(path, part);
  return part;
}

/** For tests: forget the kept parts. */
export function forgetKeptParts(): void {
  kept.clear();
}

// 1980-01-01 00:00 in MS-DOS form: the same bytes for the same parts, whenever they are written.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/** A ZIP (DEFLATE, no ZIP64: a DOCX is far below 4 GB) of the parts in the order given. */
export function zipDocxParts(parts: ReadonlyMap<string, PartData>): Uint8Array {
  const entries = [...parts].map(([path, data]) => ({ name: encoder.encode(path), ascii: /^[\x20-\x7e]*$/.test(path), part: compressed(path, data) }));
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.name.length + e.part.deflated.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (signature: number, e: (typeof entries)[number], central: boolean, offset: number) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: version 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // needed to extract: 2.0 (DEFLATE)
    view.setUint16(at + 2, e.ascii ? 0 : 0x800, true); // bit 11: the name is UTF-8
    view.setUint16(at + 4, 8, true); // DEFLATE
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.part.crc, true);
    view.setUint32(at + 14, e.part.deflated.length, true);
    view.setUint32(at + 18, e.part.size, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true); // extra field
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, 0, true); // external attributes
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(e.name, at);
    at += e.name.length;
  };
  for (const e of entries) {
    offsets.push(at);
    header(0x04034b50, e, false, 0);
    out.set(e.part.deflated, at);
    at += e.part.deflated.length;
  }
  const directory = at;
  for (const [i, e] of entries.entries()) header(0x02014b50, e, true, offsets[i] as number);
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  view.setUint16(at + 20, 0, true);
  return out;
}
