// A text cell of an xlsx file is read with _xHHHH_ decoded as the character U+HHHH (OOXML's escape for
// characters XML cannot hold): a name or note that literally holds "_x0041_" would open in Excel or
// WPS as "A". The underscore of such a literal is itself written escaped, _x005F_ (OOXML 22.9.2.19),
// so the text reads back as typed. SheetJS decodes on reading but does not escape on writing, so our
// SheetJS writers pass their workbooks through escapeWorkbookTexts first. Those whose files are small
// or may come back to us (the problems list is corrected and imported again) also write shared
// strings (bookSST): without them SheetJS writes t="str" cells, whose value its own reader decodes
// twice (_x005F_x0041_ back to "A"; Excel decodes once). The streamed lists (register, bank list:
// core/xlsx/streamed-workbook.ts) escape each inline string as they write it. Pure.
import type { WorkBook } from '@e965/xlsx';

const LITERAL_ESCAPE = /_([xX][0-9A-Fa-f]{4}_)/g;

/** The text with each literal `_xHHHH_` written as `_x005F_xHHHH_`, as the xlsx is to hold it. */
export function escapeOoxmlText(text: string): string {
  return /_[xX]/.test(text) ? text.replace(LITERAL_ESCAPE, '_x005F_$1') : text;
}

/** Escapes every text cell of the workbook in place, just before SheetJS writes it; returns the workbook. */
export function escapeWorkbookTexts(book: WorkBook): WorkBook {
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    // A dense sheet (aoa_to_sheet with dense: true) keeps its cells by row in !data, not by address.
    const dense = sheet['!data'];
    if (dense) for (const row of dense) for (const cell of row ?? []) escapeCell(cell);
    else for (const ref of Object.keys(sheet)) if (!ref.startsWith('!')) escapeCell(sheet[ref]);
  }
  return book;
}

function escapeCell(cell: { t?: string; v?: unknown } | undefined): void {
  if (cell?.t === 's' && typeof cell.v === 'string') cell.v = escapeOoxmlText(cell.v);
}
