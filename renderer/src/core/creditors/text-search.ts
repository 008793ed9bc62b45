// Search over a text column (columnar-register.ts): one native indexOf pass over the joined entries
// marks the entries holding the needle. The register page, the screening ledger and the petition
// form's creditor picker (in its worker) share it.
import { entryAt, type TextColumn } from './columnar-register';

/** Marks entries containing `needle` (prefix: needle starts with "\n"); each entry counted once. */
export function markHits(keys: TextColumn, count: number, needle: string, prefix: boolean, hits: Uint8Array): void {
  const { text, starts } = keys;
  let pos = text.indexOf(needle);
  while (pos >= 0) {
    const entry = entryAt(starts, count, prefix ? pos + 1 : pos);
    hits[entry] = 1;
    // Go on from the next entry; a prefix needle includes the "\n" just before it.
    pos = text.indexOf(needle, (starts[entry + 1] as number) - (prefix ? 1 : 0));
  }
}
