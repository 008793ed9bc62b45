// 信访件编号: the office's prefix, the year of receipt in 〔〕 and a sequence per year, e.g.
// 威处非信〔2026〕3号 — written like a document's 文号 so staff read both the same way. The
// sequence is assigned by the repository in the registration's own transaction (never reused).
import { formatDocumentNumber } from '../documents/document-number';

/** The year a petition is numbered under: the year it was received (the ledger's year too). */
export function petitionNumberYear(receivedOn: string): number {
  return Number(receivedOn.slice(0, 4));
}

/** Throws RangeError (Chinese) for a prefix settings would refuse or a year that is not a year. */
export function formatPetitionNumber(prefix: string, year: number, sequence: number): string {
  return formatDocumentNumber(prefix, year, sequence);
}
