// GB/T 9704-2012 page and type settings shared by the DOCX and PDF writers, so both print the same
// page: A4, margins 37/35/28/26 mm, body 3号 (16 pt), 22 lines of 28 characters. The text area is
// 225 mm high, so 22 lines are 28.95 pt apart (Word offices set 固定值 28.95 磅).

export const MM_TO_TWIPS = 1440 / 25.4;
export const MM_TO_PT = 72 / 25.4;

/** A4 in twips, written literally (docx's own A4 constant rounds differently). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const A4_PT = { width: 595.28, height: 841.89 } as const;

export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

export const BODY_SIZE_PT = 16; // 三号
export const TITLE_SIZE_PT = 22; // 二号
export const PAGE_NUMBER_SIZE_PT = 14; // 四号
export const FOOTER_NOTE_SIZE_PT = 12; // 小四, signature prompts in 笔录 footers
export const LINE_PITCH_PT = 28.95;
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

export const TEXT_WIDTH_PT = A4_PT.width - (MARGINS_MM.left + MARGINS_MM.right) * MM_TO_PT;
export const TEXT_HEIGHT_PT = A4_PT.height - (MARGINS_MM.top + MARGINS_MM.bottom) * MM_TO_PT;
/** A line of the grid in half cells (ASCII takes one, everything else two). */
export const LINE_HALF_CELLS = CHARS_PER_LINE * 2;

/** Character pitch that fits exactly 28 characters in the 156 mm text width. */
export const CHAR_PITCH_PT = TEXT_WIDTH_PT / CHARS_PER_LINE;

/** Which font names a DOCX asks for: the official set, or fonts every Windows PC has. */
export type FontSetName = 'official' | 'stockWindows';

export interface FontSet {
  /** Body text (仿宋). */
  readonly body: string;
  /** Title (小标宋). */
  readonly title: string;
  /** First-level headings (黑体). */
  readonly heading1: string;
  /** Second-level headings (楷体). */
  readonly heading2: string;
  /** Page numbers (宋体). */
  readonly pageNumber: string;
}

export const FONT_SETS: Readonly<Record<FontSetName, FontSet>> = {
  official: { body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
  stockWindows: { body: '仿宋', title: '宋体', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' },
};

/** Alternate names Word and WPS substitute on a PC without the official fonts (fontTable altName). */
export const FONT_ALTERNATES: Readonly<Record<string, string>> = {
  仿宋_GB2312: '仿宋',
  方正小标宋简体: '宋体',
  楷体_GB2312: '楷体',
  黑体: 'SimHei',
  宋体: 'SimSun',
  仿宋: 'FangSong',
  楷体: 'KaiTi',
};

/** "— 3 —": GB/T 9704 7.5, Arabic numerals with an em dash on each side. */
export function pageNumberText(n: number | string): string {
  return `— ${n} —`;
}
