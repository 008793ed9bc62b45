// Merging an imported list into a case's existing register (pure; the repository stores the result).
// Same ID and same name: the new contracts join that creditor. Same ID under another name: those
// rows are refused and reported before commit; the register keeps the name it has.
import { type Creditor, type IdType, nameKey, type RowOutcome } from '../../core/creditors';
import type { CreditorTotals, StoredCreditor } from './creditor-types';

export interface CreditorImportPlan {
  readonly caseId: string;
  /** The pointer generation the plan was made against (null: the case had no register). */
  readonly baseGeneration: number | null;
  /** The whole register after the import, in register order (existing first, then new). */
  readonly creditors: StoredCreditor[];
  /** One entry per refused row (ID_NAME_CONFLICT against the register), by Excel row number. */
  readonly conflicts: RowOutcome[];
  readonly newCreditors: number;
  readonly mergedCreditors: number;
  /** Rows of the file that will be stored (contracts added). */
  readonly importedRows: number;
  readonly nextCid: number;
  readonly totals: CreditorTotals;
}

/** Same rule as the import's own merge: resident IDs and credit codes cannot collide, other documents could. */
export function creditorKey(idType: IdType, idNumber: string): string {
  return idType === 'resident' || idType === 'resident15' || idType === 'org' ? idNumber : `${idType}:${idNumber}`;
}

export function netClaim(principalFen: number, returnedFen: number): number {
  return Math.max(0, principalFen - returnedFen);
}

export function registerTotals(creditors: readonly Creditor[]): CreditorTotals {
  let principalFen = 0;
  let returnedFen = 0;
  let netClaimFen = 0;
  for (const c of creditors) {
    principalFen += c.principalFen;
    returnedFen += c.returnedFen;
    netClaimFen += c.netClaimFen;
  }
  return { principalFen, returnedFen, netClaimFen };
}

/**
 * Plans an import. `imported` objects are taken over (they get their cid in place: at a million
 * rows a copy would double the memory); `existing` ones are never mutated (copy-on-write).
 */
export function planCreditorImport(
  caseId: string,
  baseGeneration: number | null,
  existing: readonly StoredCreditor[],
  imported: readonly Creditor[],
  firstCid: number,
): CreditorImportPlan {
  const byKey = new Map<string, number>();
  existing.forEach((c, i) => {
    byKey.set(creditorKey(c.idType, c.idNumber), i);
  });
  const creditors: StoredCreditor[] = existing.slice();
  const conflicts: RowOutcome[] = [];
  let nextCid = firstCid;
  let newCreditors = 0;
  const merged = new Set<number>();
  let importedRows = 0;
  for (const c of imported) {
    const at = byKey.get(creditorKey(c.idType, c.idNumber));
    if (at === undefined) {
      const stored = c as Creditor & { cid: string };
      stored.cid = String(nextCid++);
      creditors.push(stored);
      newCreditors++;
      importedRows += c.contracts.length;
      continue;
    }
    const current = creditors[at];
    if (!current) throw new Error('register index out of step');
    // Names stored before spaces and invisible characters were normalized still match ("JohnSmith").
    if (current.name !== c.name && nameKey(current.name) !== nameKey(c.name)) {
      for (const k of c.contracts) conflicts.push(conflictOutcome(k.sourceRow, c, current));
      continue;
    }
    creditors[at] = mergeInto(current, c);
    if (at < existing.length) merged.add(at);
    importedRows += c.contracts.length;
  }
  conflicts.sort((a, b) => a.row - b.row);
  return {
    caseId,
    baseGeneration,
    creditors,
    conflicts,
    newCreditors,
    mergedCreditors: merged.size,
    importedRows,
    nextCid,
    totals: registerTotals(creditors),
  };
}

function mergeInto(current: StoredCreditor, c: Creditor): StoredCreditor {
  const principalFen = current.principalFen + c.principalFen;
  const returnedFen = current.returnedFen + c.returnedFen;
  const next: StoredCreditor = {
    ...current,
    contracts: [...current.contracts, ...c.contracts],
    principalFen,
    returnedFen,
    netClaimFen: netClaim(principalFen, returnedFen),
    // New contracts have not been checked against the originals yet.
    status: current.status === '已核实' ? '待核实' : current.status,
  };
  // The register's contact details win; the file only fills gaps.
  if (!next.phone && c.phone) next.phone = c.phone;
  if (!next.address && c.address) next.address = c.address;
  if (!next.bankName && c.bankName) next.bankName = c.bankName;
  if (!next.bankAccount && c.bankAccount) next.bankAccount = c.bankAccount;
  return next;
}

function conflictOutcome(row: number, c: Creditor, current: StoredCreditor): RowOutcome {
  return {
    row,
    status: 'error',
    code: 'ID_NAME_CONFLICT',
    message: `第 ${row} 行“证件号码”：证件号码 ${c.idNumber} 在本案名单中已登记为“${current.name}”，本行姓名为“${c.name}”。同一证件号码只能对应一人：请核对合同原件，更正本行后重新导入；若是名单中的姓名有误，请先在名单中修改该参与人。`,
    column: '证件号码',
    value: c.idNumber,
  };
}
