// Keeps the parsed CJK font between PDFs. pdfmake 0.3 builds a new pdfkit document per createPdf and
// pdfkit parses the font file again for it (fontkit.create + lazily decoded cmap/GSUB/CFF tables):
// ~100-180 ms per document with the 24 MB Noto Serif CJK OTF. fontkit font objects are reusable
// (pdfkit keeps per-document state, the glyph subset, in its EmbeddedFont wrapper), so after the
// first document we keep its fontkit object and EmbeddedFont class, and later documents wrap the
// same fontkit object in a fresh EmbeddedFont instead of re-parsing. pdfmake exposes neither class,
// so both are taken from the first document's own objects; this works the same with the Node build
// and the browser bundle. Tied to pdfmake 0.3.x / pdfkit 0.19 internals: if they change shape we
// fall back to pdfmake's own (slower, correct) path, never to a wrong font. pdfkit's layout cache
// (text run → glyphs and positions, read-only once made) is shared between documents as well.
//
// The embedded font file of a face is kept too, by the glyphs the document used (issue 17): pdfkit
// subsets the face for each file (fontkit writes a CFF with every global and local subroutine slot of
// the face, used or not, then zlib deflates it: ~25 ms of a notice's ~60 ms CPU), and most faces print
// the same glyphs in every document of a template (the title's, the page numbers' fallback); only the
// body face's glyphs change with the data. The bytes are a function of the face and the ordered glyph
// list alone, so a kept file is the file pdfkit would write again, byte for byte.

interface EmbeddedFontLike {
  readonly font: unknown;
  readonly constructor: new (document: unknown, font: unknown, id: string) => unknown;
}

interface PdfKitDocLike {
  fontCache: Record<string, Record<string, unknown>>;
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
}

interface CachedFace {
  readonly parsed: unknown;
  readonly embeddedFontClass: EmbeddedFontLike['constructor'];
  /** pdfkit's per-document text layout cache, shared: a laid-out run only depends on font and text. */
  layoutCache: Record<string, unknown>;
  documentsSinceReset: number;
  /** Font file streams as written (deflated when the document compresses), by the subset's glyph list; oldest first. */
  readonly fontFiles: Map<string, Uint8Array>;
}

/** pdfkit's PDFReference, as far as the font file stream uses it. */
interface RefLike {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}

/** pdfkit's document, as far as EmbeddedFont.embed uses it. */
interface EmbedDocLike {
  compress?: boolean;
  _security?: unknown;
  ref(data?: Record<string, unknown>): RefLike;
  _write(data: unknown): void;
}

/** pdfkit's EmbeddedFont, as far as its embed() is wrapped here. */
interface EmbeddedLike {
  document: EmbedDocLike;
  subset: { glyphs: number[]; encode(): Uint8Array };
  embed(): void;
}

/** Kept font files per face: a notice's faces give a handful of glyph lists that come back; the body's changes with the data. */
const FONT_FILES_PER_FACE = 16;

/** Starts the shared layout cache afresh now and then, so a long session cannot grow it without bound. */
const RESET_LAYOUT_CACHE_AFTER = 1_000;

const faces = new Map<string, CachedFace>();
const patchedPrototypes = new WeakSet<object>();

function isDocLike(doc: unknown): doc is PdfKitDocLike {
  const d = doc as Partial<PdfKitDocLike> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.provideFont === 'function' &&
    typeof d.getFontType === 'function' &&
    typeof d.fontCache === 'object' &&
    typeof d._fontFamilies === 'object' &&
    typeof d._fontCount === 'number'
  );
}

/**
 * After a document was generated with `family`, remembers its parsed fonts and patches the document
 * class so later documents reuse them. Returns false (and changes nothing) if the internals differ.
 */
export function rememberParsedFonts(doc: unknown, family: string): boolean {
  if (!isDocLike(doc)) return false;
  const byType = doc.fontCache[family];
  if (!byType) return false;
  for (const [type, embedded] of Object.entries(byType)) {
    const e = embedded as Partial<EmbeddedFontLike> | null;
    if (!e || typeof e !== 'object' || !e.font || typeof e.constructor !== 'function') return false;
    faces.set(`${family}\u0000${type}`, {
      parsed: e.font,
      embeddedFontClass: e.constructor,
      layoutCache: Object.create(null) as Record<string, unknown>,
      documentsSinceReset: 0,
      fontFiles: new Map(),
    });
  }
  const proto = Object.getPrototypeOf(doc) as PdfKitDocLike | null;
  if (!proto || patchedPrototypes.has(proto)) return true;
  const original = proto.provideFont;
  proto.provideFont = function provideFont(this: PdfKitDocLike, fam: string, bold: boolean, italics: boolean) {
    const type = this.getFontType(bold, italics);
    const face = faces.get(`${fam}\u0000${type}`);
    this.fontCache[fam] ??= {};
    const slot = this.fontCache[fam];
    if (face && !slot[type]) {
      const id = `F${++this._fontCount}`;
      const embedded = new face.embeddedFontClass(this, face.parsed, id) as { layoutCache?: Record<string, unknown> };
      if (embedded.layoutCache) {
        if (++face.documentsSinceReset > RESET_LAYOUT_CACHE_AFTER) {
          face.layoutCache = Object.create(null) as Record<string, unknown>;
          face.documentsSinceReset = 0;
        }
        embedded.layoutCache = face.layoutCache;
      }
      keepFontFile(embedded, face);
      // Registered like pdfkit's own font() does, so the subset is written when the document ends.
      this._fontFamilies[`${fam}/${type}`] = embedded;
      slot[type] = embedded;
    }
    return original.call(this, fam, bold, italics);
  };
  patchedPrototypes.add(proto);
  return true;
}

function isEmbeddedLike(e: unknown): e is EmbeddedLike {
  const x = e as Partial<EmbeddedLike> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.embed === 'function' &&
    typeof x.document?.ref === 'function' &&
    typeof x.document._write === 'function' &&
    Array.isArray(x.subset?.glyphs) &&
    typeof x.subset.encode === 'function'
  );
}

function isRefLike(r: unknown): r is RefLike {
  const x = r as Partial<RefLike> | null;
  return typeof x === 'object' && x !== null && typeof x.compress === 'boolean' && typeof x.data === 'object' && typeof x.finalize === 'function' && typeof x.write === 'function';
}

/**
 * Wraps one document's EmbeddedFont so its font file stream comes from `face.fontFiles` when the
 * same glyph list was embedded before, and is kept when not. pdfkit's embed() asks the document for
 * the font file's reference first, then ends it with the subset's bytes: the wrapper takes that first
 * reference. Encrypted documents (never made here) and unknown shapes take pdfkit's path unchanged.
 */
function keepFontFile(embedded: unknown, face: CachedFace): void {
  if (!isEmbeddedLike(embedded)) return;
  const originalEmbed = embedded.embed;
  embedded.embed = function embed(this: EmbeddedLike) {
    const doc = this.document;
    if (doc._security) return originalEmbed.call(this);
    const key = `${doc.compress ? 'z' : 'raw'}:${this.subset.glyphs.join(',')}`;
    const kept = face.fontFiles.get(key);
    if (kept) remember(face, key, kept);
    const docRef = doc.ref;
    const subset = this.subset;
    const encode = subset.encode;
    let fontFile: RefLike | null = null;
    doc.ref = function ref(this: EmbedDocLike, data?: Record<string, unknown>) {
      const r = docRef.call(this, data);
      if (fontFile === null && isRefLike(r)) {
        fontFile = r;
        if (kept) hand(r, kept);
        else catchWritten(r, doc, (bytes) => remember(face, key, bytes));
      }
      return r;
    };
    // A kept file needs no subset: pdfkit's argument to end() is then ignored.
    if (kept) subset.encode = () => new Uint8Array(0);
    try {
      originalEmbed.call(this);
    } finally {
      // Own properties set above: removing them shows the prototypes' methods again.
      delete (doc as Partial<EmbedDocLike>).ref;
      delete (subset as Partial<EmbeddedLike['subset']>).encode;
      if (doc.ref !== docRef) doc.ref = docRef;
      if (subset.encode !== encode) subset.encode = encode;
    }
  };
}

/** Ends the font file's reference with the kept stream, as pdfkit would have written it. */
function hand(r: RefLike, kept: Uint8Array): void {
  r.end = function end(this: RefLike) {
    const compressed = this.compress;
    this.compress = false;
    this.write(kept);
    if (compressed) this.data.Filter = 'FlateDecode';
    this.finalize();
  };
}

/** Lets pdfkit end the font file's reference and catches the stream bytes it writes (after 'stream'). */
function catchWritten(r: RefLike, doc: EmbedDocLike, keep: (bytes: Uint8Array) => void): void {
  const finalize = r.finalize;
  r.finalize = function caught(this: RefLike) {
    const write = doc._write;
    let inStream = false;
    let written: Uint8Array | null = null;
    doc._write = function watched(this: EmbedDocLike, data: unknown) {
      if (inStream && written === null && data instanceof Uint8Array) written = data;
      if (data === 'stream') inStream = true;
      return write.call(this, data);
    };
    try {
      finalize.call(this);
    } finally {
      delete (doc as Partial<EmbedDocLike>)._write;
      if (doc._write !== write) doc._write = write;
    }
    if (written !== null) keep(new Uint8Array(written as Uint8Array));
  };
}

function remember(face: CachedFace, key: string, bytes: Uint8Array): void {
  face.fontFiles.delete(key);
  face.fontFiles.set(key, bytes);
  while (face.fontFiles.size > FONT_FILES_PER_FACE) {
    const oldest = face.fontFiles.keys().next().value;
    if (oldest === undefined) break;
    face.fontFiles.delete(oldest);
  }
}

/** For tests and benchmarks: forget the kept fonts (the next document parses again). */
export function forgetParsedFonts(): void {
  faces.clear();
}

/** For benchmarks: forget the kept font files only (the parsed faces stay). */
export function forgetFontFiles(): void {
  for (const face of faces.values()) face.fontFiles.clear();
}

/** For tests: how many font files are kept, over all faces. */
export function keptFontFiles(): number {
  let n = 0;
  for (const face of faces.values()) n += face.fontFiles.size;
  return n;
}

export function hasParsedFont(family: string): boolean {
  for (const k of faces.keys()) if (k.startsWith(`${family}\u0000`)) return true;
  return false;
}
