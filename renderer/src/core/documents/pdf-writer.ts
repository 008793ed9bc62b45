// PDF through pdfmake 0.3 with the bundled Noto Serif CJK SC font (OFL), in Node and in the browser.
// The font bytes are passed in (core reads no files); the parsed font is kept between documents.
import * as pdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentModel } from './document-model';
import { type FontCoverage, openFontCoverage } from './font-coverage';
import { buildPdfDefinition, PDF_FONT_FAMILY } from './pdf-definition';
import { hasParsedFont, rememberParsedFonts } from './pdf-font-cache';

interface PdfMakeLike {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setProgressCallback(cb: ((fraction: number) => void) | undefined): void;
  setLocalAccessPolicy?: (cb: (path: string) => boolean) => void;
  createPdf(def: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array>; getStream(): Promise<unknown> };
}

// pdfmake's Node entry is `module.exports = new pdfmake()`: under ESM interop it may arrive as the
// namespace itself or as its default export.
function pdfMakeInstance(): PdfMakeLike {
  const ns = pdfMakeModule as unknown as PdfMakeLike & { default?: PdfMakeLike };
  return ns.default && typeof ns.default.createPdf === 'function' ? ns.default : ns;
}

const FONT_FILE = 'chufei-noto-serif-cjk-sc.otf';

export interface PdfEngine {
  /** One PDF holding every model, each starting on a new page with its own page numbers. */
  render(models: DocumentModel | readonly DocumentModel[], options?: PdfRenderOptions): Promise<Uint8Array>;
  /** Which characters the embedded font can print (for findUnprintableCharacters). */
  readonly coverage: FontCoverage;
  /** Whether the parsed font is being reused (true after the first document). */
  fontIsKept(): boolean;
}

export interface PdfRenderOptions {
  /** Fraction (0..1) of pages drawn, reported by pdfmake while it writes the file. */
  readonly onProgress?: (fraction: number) => void;
}

/** Builds the definition for `models` without generating it (benchmarks, tests). */
export type DefinitionBuilder = (models: readonly DocumentModel[]) => TDocumentDefinitions;

export function createPdfEngine(fontBytes: Uint8Array): PdfEngine {
  const pdfMake = pdfMakeInstance();
  const coverage = openFontCoverage(fontBytes);
  // Nothing a document says may fetch a URL or read a local file: fonts come from memory only.
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy?.(() => false);
  if (!pdfMake.virtualfs.existsSync(FONT_FILE)) pdfMake.virtualfs.writeFileSync(FONT_FILE, fontBytes);
  const family = { normal: FONT_FILE, bold: FONT_FILE, italics: FONT_FILE, bolditalics: FONT_FILE };

  async function generate(def: TDocumentDefinitions, options: PdfRenderOptions): Promise<Uint8Array> {
    // A fresh fonts object each time: pdfmake writes resolved paths back into it.
    pdfMake.setFonts({ [PDF_FONT_FAMILY]: { ...family } });
    pdfMake.setProgressCallback(options.onProgress);
    try {
      const created = pdfMake.createPdf(def);
      if (!hasParsedFont(PDF_FONT_FAMILY)) rememberParsedFonts(await created.getStream(), PDF_FONT_FAMILY);
      return new Uint8Array(await created.getBuffer());
    } finally {
      pdfMake.setProgressCallback(undefined);
    }
  }

  return {
    coverage,
    fontIsKept: () => hasParsedFont(PDF_FONT_FAMILY),
    render(models, options = {}) {
      const list = Array.isArray(models) ? (models as readonly DocumentModel[]) : [models as DocumentModel];
      return generate(buildPdfDefinition(list, coverage.metrics), options);
    },
  };
}

/** Generates an arbitrary definition with the engine's font set up (the benchmark's baseline). */
export async function generateRawPdf(engine: PdfEngine, def: TDocumentDefinitions): Promise<Uint8Array> {
  void engine;
  const pdfMake = pdfMakeInstance();
  pdfMake.setFonts({ [PDF_FONT_FAMILY]: { normal: FONT_FILE, bold: FONT_FILE, italics: FONT_FILE, bolditalics: FONT_FILE } });
  return new Uint8Array(await pdfMake.createPdf(def).getBuffer());
}
