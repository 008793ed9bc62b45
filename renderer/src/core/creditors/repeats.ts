// Contracts a file repeats from the case's register (the same register imported again as another
// file, .xlsx after .xls): only a byte-identical file is caught by its hash, so repeats are found by
// content. A contract of the file repeats one of the register when it is the same person (same
// normalized ID, the caller matches them), the same principal and the same returns, and the notes
// do not tell them apart (equal, or one of them empty: the note is where registers write the
// contract number or date). Each contract of the register answers for one contract of the file, so
// a person with two equal contracts in both keeps two, and a third in the file is new.
import type { InvestmentRecord } from './types';

export interface RepeatSplit {
  /** Contracts of the file that the register does not have yet. */
  readonly fresh: InvestmentRecord[];
  /** Contracts of the file already in the register, each with the register's Excel row it matches. */
  readonly repeated: { readonly contract: InvestmentRecord; readonly matches: InvestmentRecord }[];
}

const sameNote = (a: string, b: string) => a.trim() === '' || b.trim() === '' || a.trim() === b.trim();

/** Splits a file creditor's contracts into fresh and repeated against the register creditor's. */
export function splitRepeatedContracts(register: readonly InvestmentRecord[], file: readonly InvestmentRecord[]): RepeatSplit {
  const unused = register.slice();
  const fresh: InvestmentRecord[] = [];
  const repeated: RepeatSplit['repeated'][number][] = [];
  // Contracts whose notes agree exactly are matched first, so an empty note does not take the
  // partner of a contract that names itself.
  const pending: InvestmentRecord[] = [];
  for (const c of file) {
    const at = unused.findIndex((r) => r.principalFen === c.principalFen && r.returnedFen === c.returnedFen && r.note.trim() === c.note.trim());
    if (at < 0) pending.push(c);
    else repeated.push({ contract: c, matches: unused.splice(at, 1)[0] as InvestmentRecord });
  }
  for (const c of pending) {
    const at = unused.findIndex((r) => r.principalFen === c.principalFen && r.returnedFen === c.returnedFen && sameNote(r.note, c.note));
    if (at < 0) fresh.push(c);
    else repeated.push({ contract: c, matches: unused.splice(at, 1)[0] as InvestmentRecord });
  }
  repeated.sort((a, b) => a.contract.sourceRow - b.contract.sourceRow);
  return { fresh, repeated };
}

/** The message of a repeated contract's row in the import report. */
export function repeatedContractMessage(row: number, name: string, matches: InvestmentRecord, added: boolean): string {
  const what = `第 ${row} 行：“${name}”的这份合同（证件号码、投资金额、已获收益${matches.note.trim() ? '、备注' : ''}均相同）已在本案名单中（原导入第 ${matches.sourceRow} 行）`;
  return added
    ? `${what}。已按您的选择作为另一份合同再次计入；如非另一份合同，请返回并取消“仍然添加重复合同”。`
    : `${what}，本次跳过，不重复计入。若确为另一份合同，请勾选“仍然添加重复合同”后导入。`;
}
