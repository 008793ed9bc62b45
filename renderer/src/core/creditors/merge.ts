// Merging rows into creditors: the same normalized ID is one creditor with several contracts
// (一人多合同); the same ID under another name is a conflict on the later row. A Map from ID to the
// creditor's index keeps this a single pass at any size.
import { detach, nameKey } from './cell';
import type { Creditor, IdType, InvestmentRecord } from './types';
import type { ValidRow } from './validate-row';

export type MergeOutcome =
  | { readonly kind: 'new' | 'merged' }
  | { readonly kind: 'conflict'; readonly code: 'ID_NAME_CONFLICT'; readonly message: string }
  | { readonly kind: 'duplicate'; readonly code: 'POSSIBLE_DUPLICATE'; readonly message: string };

function mergeKey(idType: IdType, idNumber: string): string {
  // Resident IDs (18-digit, legacy converted) and credit codes cannot collide; other documents could.
  return idType === 'resident' || idType === 'resident15' || idType === 'org' ? idNumber : `${idType}:${idNumber}`;
}

/**
 * A creditor from its first row. The usual row has every contact detail: one literal then gives
 * the object its final shape at once (same properties in the same order as adding the optional
 * ones one by one, which a row with gaps still does).
 */
function newCreditor(row: ValidRow, contract: InvestmentRecord, bankName: string): Creditor {
  const netClaimFen = Math.max(0, row.principalFen - row.returnedFen);
  if (row.phone && row.address && bankName && row.bankAccount && !row.fileStatus) {
    return {
      name: detach(row.name),
      idType: row.idType,
      idNumber: detach(row.idNumber),
      contracts: [contract],
      principalFen: row.principalFen,
      returnedFen: row.returnedFen,
      netClaimFen,
      status: '待核实',
      exclusion: null,
      phone: detach(row.phone),
      address: detach(row.address),
      bankName,
      bankAccount: detach(row.bankAccount),
    };
  }
  const creditor: Creditor = {
    name: detach(row.name),
    idType: row.idType,
    idNumber: detach(row.idNumber),
    contracts: [contract],
    principalFen: row.principalFen,
    returnedFen: row.returnedFen,
    netClaimFen,
    status: '待核实',
    exclusion: null,
  };
  if (row.phone) creditor.phone = detach(row.phone);
  if (row.address) creditor.address = detach(row.address);
  if (bankName) creditor.bankName = bankName;
  if (row.bankAccount) creditor.bankAccount = detach(row.bankAccount);
  if (row.fileStatus) creditor.fileStatus = row.fileStatus;
  return creditor;
}

export interface CreditorRegister {
  /** Adds a valid row; a conflict leaves the register unchanged. */
  add(row: ValidRow): MergeOutcome;
  readonly creditors: Creditor[];
  readonly totals: { principalFen: number; returnedFen: number; netClaimFen: number };
}

export function createCreditorRegister(): CreditorRegister {
  const creditors: Creditor[] = [];
  // A register names a handful of banks a million times: one string each, not a copy per creditor.
  const banks = new Map<string, string>();
  const bank = (name: string): string => {
    let kept = banks.get(name);
    if (kept === undefined) {
      kept = detach(name);
      if (banks.size < 10_000) banks.set(kept, kept);
    }
    return kept;
  };
  const byKey = new Map<string, number>();
  const totals = { principalFen: 0, returnedFen: 0, netClaimFen: 0 };

  function add(row: ValidRow): MergeOutcome {
    const key = mergeKey(row.idType, row.idNumber);
    const index = byKey.get(key);
    const contract = { principalFen: row.principalFen, returnedFen: row.returnedFen, sourceRow: row.row, note: detach(row.note) };
    if (index === undefined) {
      const creditor = newCreditor(row, contract, row.bankName ? bank(row.bankName) : '');
      // Keyed by the detached copy, so the Map does not keep the file text alive either.
      byKey.set(mergeKey(creditor.idType, creditor.idNumber), creditors.length);
      creditors.push(creditor);
      addTotals(row.principalFen, row.returnedFen, creditor.netClaimFen);
      return { kind: 'new' };
    }
    const creditor = creditors[index];
    if (!creditor) throw new Error('creditor index out of step');
    // Spaces and invisible characters do not make another person ("John Smith" / "JohnSmith").
    if (creditor.name !== row.name && nameKey(creditor.name) !== nameKey(row.name)) {
      const firstRow = creditor.contracts[0]?.sourceRow ?? 0;
      return {
        kind: 'conflict',
        code: 'ID_NAME_CONFLICT',
        message: `证件号码 ${row.idNumber} 已在第 ${firstRow} 行登记为“${creditor.name}”，本行姓名为“${row.name}”。同一证件号码只能对应一人：请核对合同原件，更正姓名或证件号码后重新导入本行。`,
      };
    }
    const same = creditor.contracts.find((c) => c.principalFen === row.principalFen && c.returnedFen === row.returnedFen);
    const before = creditor.netClaimFen;
    creditor.contracts.push(contract);
    creditor.principalFen += row.principalFen;
    creditor.returnedFen += row.returnedFen;
    // Returns on one contract offset principal of another: the loss is the person's, not the contract's.
    creditor.netClaimFen = Math.max(0, creditor.principalFen - creditor.returnedFen);
    addTotals(row.principalFen, row.returnedFen, creditor.netClaimFen - before);
    // First non-empty contact details win; later rows only fill gaps.
    if (!creditor.phone && row.phone) creditor.phone = detach(row.phone);
    if (!creditor.address && row.address) creditor.address = detach(row.address);
    if (!creditor.bankName && row.bankName) creditor.bankName = bank(row.bankName);
    if (!creditor.bankAccount && row.bankAccount) creditor.bankAccount = detach(row.bankAccount);
    if (!creditor.fileStatus && row.fileStatus) creditor.fileStatus = row.fileStatus;
    if (same) {
      return {
        kind: 'duplicate',
        code: 'POSSIBLE_DUPLICATE',
        message: `与第 ${same.sourceRow} 行是同一人且金额完全相同，可能重复登记。若确为两份合同请保留；若为重复行，请从原表删除后重新导入。`,
      };
    }
    return { kind: 'merged' };
  }

  function addTotals(principalFen: number, returnedFen: number, netDelta: number): void {
    totals.principalFen += principalFen;
    totals.returnedFen += returnedFen;
    totals.netClaimFen += netDelta;
  }

  return { add, creditors, totals };
}
