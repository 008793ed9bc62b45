// Lays the petition ledger (信访台账) out as an xlsx workbook; the rows come from core/petitions.
import * as XLSX from '@e965/xlsx';
import { escapeWorkbookTexts } from '../../../core/common/ooxml-text';
import type { PetitionLedger } from '../../../core/petitions/ledger';

const WIDE = new Set(['信访人', '关联案件', '诉求']);

export function ledgerWorkbookBytes(ledger: PetitionLedger, title: string): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([[title], [...ledger.headers], ...ledger.rows.map((r) => [...r])]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: ledger.headers.length - 1 } }];
  sheet['!cols'] = ledger.headers.map((h) => ({ wch: WIDE.has(h) ? 30 : Math.max(8, h.length * 2 + 2) }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '信访台账');
  const out: unknown = XLSX.write(escapeWorkbookTexts(book), { type: 'array', bookType: 'xlsx', bookSST: true });
  if (!(out instanceof ArrayBuffer)) throw new Error('xlsx writer returned no bytes');
  return new Uint8Array(out);
}
