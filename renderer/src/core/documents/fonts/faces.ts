// The typefaces of a document by GB/T 9704 role, and the per-character choice between a role's face
// and the fallback face (pdfmake itself has no fallback: a missing glyph prints as a box). Bytes
// are passed in: bundled open-licence faces, or the office PC's own fonts found by Electron's main
// process. Pure: fontkit only.
import * as fontkit from 'fontkit';

/** 标题 小标宋, 正文 仿宋, 一级标题 黑体, 二级标题 楷体; page numbers (宋体) use the fallback face. */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2';
export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading1', 'heading2'];

export interface FaceSource {
  /** Unique per font file: the PDF font family name, and the key of the parsed-font cache. */
  readonly id: string;
  /** What the user reads in Settings, e.g. "朱雀仿宋（内置，开源）" or "仿宋_GB2312（本机）". */
  readonly label: string;
  readonly origin: 'bundled' | 'system';
  readonly bytes: Uint8Array;
}

export interface DocumentFaceSources {
  readonly roles: Readonly<Record<FontRole, FaceSource>>;
  /** Covers everything the roles lack (all of GBK and the rare name characters): Noto Serif CJK SC. */
  readonly fallback: FaceSource;
}

export interface OpenedFace {
  readonly id: string;
  readonly label: string;
  readonly origin: FaceSource['origin'];
  readonly postscriptName: string;
  has(cp: number): boolean;
  /** Advance width of the character's glyph in em (1 = full width). */
  advance(cp: number): number;
  /** (ascent − descent) / unitsPerEm: pdfkit's line height per point of size. */
  readonly emHeight: number;
}

interface FontkitFontLike {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  ascent: number;
  descent: number;
  unitsPerEm: number;
  postscriptName: string;
}

export function openFace(source: Pick<FaceSource, 'id' | 'label' | 'origin' | 'bytes'>): OpenedFace {
  const opened = fontkit.create(source.bytes as Parameters<typeof fontkit.create>[0]) as unknown;
  const font = opened as Partial<FontkitFontLike>;
  if (typeof font.hasGlyphForCodePoint !== 'function' || !font.unitsPerEm) {
    throw new Error(`字体文件“${source.label}”无效：请使用单一字体的 OTF/TTF 文件（不支持字体集合 TTC）`);
  }
  const f = font as FontkitFontLike;
  const advances = new Map<number, number>();
  const present = new Map<number, boolean>();
  return {
    id: source.id,
    label: source.label,
    origin: source.origin,
    postscriptName: f.postscriptName,
    emHeight: (f.ascent - f.descent) / f.unitsPerEm,
    has(cp) {
      let v = present.get(cp);
      if (v === undefined) {
        v = f.hasGlyphForCodePoint(cp);
        present.set(cp, v);
      }
      return v;
    },
    advance(cp) {
      let v = advances.get(cp);
      if (v === undefined) {
        v = f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
        advances.set(cp, v);
      }
      return v;
    },
  };
}

/** The opened faces of one document set, and which face prints each character of a role. */
export interface FaceSet {
  readonly roles: Readonly<Record<FontRole, OpenedFace>>;
  readonly fallback: OpenedFace;
  /** Every distinct face (role faces first, fallback last). */
  readonly all: readonly OpenedFace[];
  faceFor(role: FontRole, cp: number): OpenedFace;
  /** Whether some face of the set can print the character (so nothing prints as a box). */
  has(cp: number): boolean;
}

const FULL_WIDTH_MIN = 0.75;

export function openFaceSet(sources: DocumentFaceSources): FaceSet {
  const byId = new Map<string, OpenedFace>();
  const open = (s: FaceSource) => {
    let f = byId.get(s.id);
    if (!f) {
      f = openFace(s);
      byId.set(s.id, f);
    }
    return f;
  };
  const roles = {
    title: open(sources.roles.title),
    body: open(sources.roles.body),
    heading1: open(sources.roles.heading1),
    heading2: open(sources.roles.heading2),
  };
  const fallback = open(sources.fallback);
  const all = [...byId.values()];
  return {
    roles,
    fallback,
    all,
    faceFor(role, cp) {
      const face = roles[role];
      if (face.has(cp)) {
        // A proportional quote or dot in a 仿宋 face would break the grid (GB 2312 sets them in a
        // full cell, as Word does with 仿宋_GB2312): print it from the fallback's full-width glyph.
        if (cp >= 0x80 && face.advance(cp) < FULL_WIDTH_MIN && fallback.has(cp) && fallback.advance(cp) >= FULL_WIDTH_MIN) return fallback;
        return face;
      }
      return fallback.has(cp) ? fallback : face;
    },
    has(cp) {
      return fallback.has(cp) || all.some((f) => f.has(cp));
    },
  };
}
