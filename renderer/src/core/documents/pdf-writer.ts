// PDF through pdfmake 0.3 with the document faces (bundled open-licence faces, or the office's own
// fonts), in Node and in the browser. The font bytes are passed in (core reads no files); parsed
// fonts are kept between documents.
import * as pdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentModel } from './document-model';
import { type DocumentFaceSources, type FaceSet, openFaceSet } from './fonts/faces';
import { layoutDocument } from './grid/layout-document';
import { buildPdfDefinition } from './pdf-definition';
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

export interface PdfEngine {
  /** One PDF holding every model, each starting on a new page with its own page numbers. */
  render(models: DocumentModel | readonly DocumentModel[], options?: PdfRenderOptions): Promise<Uint8Array>;
  /** The faces by role and the fallback; `faces.has` says what can be printed (glyph check). */
  readonly faces: FaceSet;
  /** Whether the parsed faces are being reused (true after the first document). */
  fontIsKept(): boolean;
}

export interface PdfRenderOptions {
  /** Fraction (0..1) of pages drawn, reported by pdfmake while it writes the file. */
  readonly onProgress?: (fraction: number) => void;
  /** Mark every page 作废 (a voided document saved or printed again). */
  readonly voided?: boolean;
}

function fileName(id: string): string {
  return `chufei-${id.replace(/[^A-Za-z0-9._-]/g, '_')}.font`;
}

export function createPdfEngine(sources: DocumentFaceSources): PdfEngine {
  const pdfMake = pdfMakeInstance();
  const faces = openFaceSet(sources);
  // Nothing a document says may fetch a URL or read a local file: fonts come from memory only.
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy?.(() => false);
  const all = [...Object.values(sources.roles), sources.fallback];
  const families: Record<string, Record<string, string>> = {};
  for (const s of all) {
    const file = fileName(s.id);
    if (!pdfMake.virtualfs.existsSync(file)) pdfMake.virtualfs.writeFileSync(file, s.bytes);
    families[s.id] = { normal: file, bold: file, italics: file, bolditalics: file };
  }
  const ids = Object.keys(families);

  async function generate(def: TDocumentDefinitions, options: PdfRenderOptions): Promise<Uint8Array> {
    // A fresh fonts object each time: pdfmake writes resolved paths back into it.
    pdfMake.setFonts(Object.fromEntries(ids.map((id) => [id, { ...families[id] }])));
    pdfMake.setProgressCallback(options.onProgress);
    try {
      const created = pdfMake.createPdf(def);
      if (ids.some((id) => !hasParsedFont(id))) {
        const stream = await created.getStream();
        for (const id of ids) if (!hasParsedFont(id)) rememberParsedFonts(stream, id);
      }
      return new Uint8Array(await created.getBuffer());
    } finally {
      pdfMake.setProgressCallback(undefined);
    }
  }

  return {
    faces,
    // The body face is in every document: once it is kept, later documents parse nothing again.
    fontIsKept: () => hasParsedFont(sources.roles.body.id),
    render(models, options = {}) {
      const list = Array.isArray(models) ? (models as readonly DocumentModel[]) : [models as DocumentModel];
      return generate(buildPdfDefinition(list.map(layoutDocument), faces, { voided: Boolean(options.voided) }), options);
    },
  };
}

/** Generates an arbitrary definition with the engine's fonts set up (the benchmark's baseline). */
export async function generateRawPdf(engine: PdfEngine, def: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = pdfMakeInstance();
  const fonts: Record<string, Record<string, string>> = {};
  for (const f of engine.faces.all) fonts[f.id] = { normal: fileName(f.id), bold: fileName(f.id), italics: fileName(f.id), bolditalics: fileName(f.id) };
  pdfMake.setFonts(fonts);
  return new Uint8Array(await pdfMake.createPdf(def).getBuffer());
}
