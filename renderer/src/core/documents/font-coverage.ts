// What the bundled font can print, from its cmap (fontkit). pdfmake has no fallback font: a
// character the font lacks prints as an empty box, so text is checked against this first.
import * as fontkit from 'fontkit';
import type { FontMetrics } from './pdf-definition';

export interface FontCoverage {
  has(codePoint: number): boolean;
  readonly metrics: FontMetrics;
  readonly postscriptName: string;
}

interface FontkitFontLike {
  hasGlyphForCodePoint(cp: number): boolean;
  ascent: number;
  descent: number;
  unitsPerEm: number;
  postscriptName: string;
}

export function openFontCoverage(bytes: Uint8Array): FontCoverage {
  const opened = fontkit.create(bytes as Parameters<typeof fontkit.create>[0]) as unknown;
  const font = opened as Partial<FontkitFontLike>;
  if (typeof font.hasGlyphForCodePoint !== 'function' || !font.unitsPerEm) {
    throw new Error('字体文件无效：请使用单一字体的 OTF/TTF 文件（不支持字体集合 TTC）');
  }
  const f = font as FontkitFontLike;
  return {
    has: (cp) => f.hasGlyphForCodePoint(cp),
    metrics: { emHeight: (f.ascent - f.descent) / f.unitsPerEm },
    postscriptName: f.postscriptName,
  };
}
