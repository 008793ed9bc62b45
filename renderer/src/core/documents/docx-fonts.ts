// Font names in the DOCX (never embedded): the role's font from the chosen set, a font that has the
// character where the role's font is a GB 2312 font that lacks it (堃 喆 赟 燊 昇 珺 …), and a font
// table with alternates so Word and WPS substitute sensibly on a PC without the official fonts.
import type { FontRole } from './fonts/faces';
import { inGb2312 } from './fonts/gb2312-chars';
import { FONT_ALTERNATES, FONT_SETS, type FontSet, type FontSetName } from './layout';

/** Fonts that carry only GB 2312 (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体). */
const GB2312_ONLY = new Set(['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体']);

/** A font of the same look that covers GBK, per role; astral characters need SimSun-ExtB. */
const WIDER: Readonly<Record<FontRole, string>> = { body: '仿宋', title: '宋体', heading1: '黑体', heading2: '楷体' };
const ASTRAL = 'SimSun-ExtB';

export function roleFont(fonts: FontSet, role: FontRole): string {
  return role === 'title' ? fonts.title : role === 'heading1' ? fonts.heading1 : role === 'heading2' ? fonts.heading2 : fonts.body;
}

/** The font a character prints in: the role's, or a wider one when the role's font lacks it. */
export function fontForChar(fonts: FontSet, role: FontRole, cp: number): string {
  const font = roleFont(fonts, role);
  if (cp > 0xffff) return ASTRAL;
  if (GB2312_ONLY.has(font) && !inGb2312(cp)) return WIDER[role];
  return font;
}

export interface FontSubstitution {
  readonly char: string;
  readonly font: string;
  /** The role's font that lacks the character. */
  readonly instead: string;
}

/** Splits text into runs of one font each. */
export function fontRuns(text: string, fonts: FontSet, role: FontRole, seen?: Map<string, FontSubstitution>): { text: string; font: string }[] {
  const base = roleFont(fonts, role);
  const out: { text: string; font: string }[] = [];
  for (const ch of text) {
    const font = fontForChar(fonts, role, ch.codePointAt(0) ?? 0);
    if (font !== base && seen && !seen.has(ch)) seen.set(ch, { char: ch, font, instead: base });
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml naming every font the set uses, with alternates and the GB2312 charset. */
export function fontTableXml(set: FontSetName): string {
  const fonts = FONT_SETS[set];
  const names = new Set([fonts.body, fonts.title, fonts.heading1, fonts.heading2, fonts.pageNumber, ...Object.values(WIDER), ASTRAL]);
  const entries = [...names].map((name) => {
    const alt = FONT_ALTERNATES[name];
    const family = name.includes('黑') || name === 'SimHei' ? 'swiss' : name.includes('楷') ? 'script' : 'roman';
    return `<w:font w:name="${xmlEscape(name)}">${alt ? `<w:altName w:val="${xmlEscape(alt)}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}
