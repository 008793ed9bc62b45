// Parts of the DOCX written by hand (Packer overrides): styles whose defaults keep Word, WPS and
// LibreOffice on the engine's grid, and settings with the zh-CN theme language. The docx library
// has no option for autoSpaceDE (the extra space Word and LibreOffice put between Chinese and
// Latin letters or digits, which would widen lines past the 28-cell grid and break them again).
import type { FontRole } from './fonts/faces';
import { BODY_SIZE_PT, CHAR_PITCH_PT, type FontSet, LINE_PITCH_PT, TITLE_SIZE_PT } from './layout';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const GRID_STYLE = 'GridText';
const GRID_PPR = '<w:pPr><w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr>';

/** One paragraph style per role, carrying its font, size and grid condensing: runs then need none. */
export const ROLE_STYLES: Readonly<Record<FontRole, string>> = { body: GRID_STYLE, title: 'GridTitle', heading1: 'GridHeading1', heading2: 'GridHeading2' };

/** Condensing (twentieths of a point) that puts 28 body characters in the 156 mm line: −0.25 pt. */
export const BODY_CHARACTER_SPACING = Math.floor((CHAR_PITCH_PT - BODY_SIZE_PT) * 20);

function roleStyle(id: string, name: string, font: string, sizePt: number, spacing: number): string {
  const f = esc(font);
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>${GRID_PPR}` +
    `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>${spacing ? `<w:spacing w:val="${spacing}"/>` : ''}<w:sz w:val="${sizePt * 2}"/><w:szCs w:val="${sizePt * 2}"/></w:rPr></w:style>`
  );
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function stylesXml(fonts: FontSet): string {
  const f = esc(fonts.body);
  const size = BODY_SIZE_PT * 2;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>` +
    `<w:spacing w:before="0" w:after="0" w:line="${Math.round(LINE_PITCH_PT * 20)}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${GRID_PPR}</w:style>` +
    // Every paragraph names one of these: LibreOffice reads the grid settings from a style, not from
    // the defaults, and runs carry no properties of their own (a smaller, faster file).
    roleStyle(GRID_STYLE, '公文正文', fonts.body, BODY_SIZE_PT, BODY_CHARACTER_SPACING) +
    roleStyle(ROLE_STYLES.title, '公文标题', fonts.title, TITLE_SIZE_PT, 0) +
    roleStyle(ROLE_STYLES.heading1, '一级标题', fonts.heading1, BODY_SIZE_PT, BODY_CHARACTER_SPACING) +
    roleStyle(ROLE_STYLES.heading2, '二级标题', fonts.heading2, BODY_SIZE_PT, BODY_CHARACTER_SPACING) +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>` +
    '</w:styles>'
  );
}

export function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W}">` +
    '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
  );
}
