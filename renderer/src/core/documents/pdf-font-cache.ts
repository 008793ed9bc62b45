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
}

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
      // Registered like pdfkit's own font() does, so the subset is written when the document ends.
      this._fontFamilies[`${fam}/${type}`] = embedded;
      slot[type] = embedded;
    }
    return original.call(this, fam, bold, italics);
  };
  patchedPrototypes.add(proto);
  return true;
}

/** For tests and benchmarks: forget the kept fonts (the next document parses again). */
export function forgetParsedFonts(): void {
  faces.clear();
}

export function hasParsedFont(family: string): boolean {
  for (const k of faces.keys()) if (k.startsWith(`${family}\u0000`)) return true;
  return false;
}
