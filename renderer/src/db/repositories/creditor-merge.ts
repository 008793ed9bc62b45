// Merging an imported list into a case's existing register (pure; the repository stores the result).
// Same ID and same name: the new contracts join that creditor. Same ID under another name: those
// rows are refused and reported before commit; the register keeps the name it has. Contracts the
// register already has (the same register imported again as another file) are skipped unless the
// user adds them on purpose. A replacing import makes the file the register (see PlanOptions).
import { type Creditor, type IdType, type ImportedCreditors, type InvestmentRecord, nameKey, type RowOutcome } from '../../core/creditors';
import { importedFrom } from '../../core/creditors/merge';
import { repeatedContractMessage, splitRepeatedContracts } from '../../core/creditors/repeats';
import { reviewMerge } from '../../core/creditors/review';
import type { Person } from '../../core/users/types';
import type { CreditorTotals, StoredCreditor } from './creditor-types';

export interface CreditorImportPlan {
  readonly caseId: string;
  /** The pointer generation the plan was made against (null: the case had no register). */
  readonly baseGeneration: number | null;
  /** The whole register after the import, in register order (existing first, then new); built a block at a time. */
  readonly creditors: PlannedCreditors;
  /** One entry per refused row (ID_NAME_CONFLICT against the register), by Excel row number. */
  readonly conflicts: RowOutcome[];
  readonly newCreditors: number;
  readonly mergedCreditors: number;
  /** Rows of the file that will be stored (contracts added). */
  readonly importedRows: number;
  readonly nextCid: number;
  readonly totals: CreditorTotals;
  /** The signed-in user the plan was made for (null before users existed): the commit must be theirs. */
  readonly plannedBy: Person | null;
  readonly mode: ImportMode;
  /** Contracts of the file already in the register (merge mode), one warning per row. */
  readonly repeats: RowOutcome[];
  /** Whether those repeated contracts are stored again (the user chose so) or skipped (default). */
  readonly repeatsAdded: boolean;
  /** Replace mode: creditors of the register the file no longer has, and how many of them were 已核实. */
  readonly removedCreditors: number;
  readonly removedVerified: number;
}

/**
 * The register a plan makes, read a block at a time (issue 17): the register's own creditors and
 * those the file merges into them are objects; the file's new creditors stay in the import's
 * columns until their block is written, each made an object with its cid then.
 */
export interface PlannedCreditors {
  readonly length: number;
  /** Creditors [start, end) as stored. Those from the file's columns are new objects on each call. */
  slice(start: number, end: number): StoredCreditor[];
  /** Lets go of creditors [0, end) (written to the database): they cannot be read again. */
  release(end: number): void;
}

/** What a let-go object of a plan becomes (a shared empty object keeps the array's element kind). */
const RELEASED = Object.freeze({}) as StoredCreditor;

class PlannedRegister implements PlannedCreditors {
  /**
   * Tail entry k < tail: the file's creditor fileIndex[k], stored with cid cids[k], unless objects
   * has k. Each of the file's creditors adds at most one entry, so the arrays are sized once from
   * their count (typed, outside the JS heap: issue 17, the plan is made at the validation's peak).
   */
  private readonly fileIndex: Int32Array;
  private readonly cids: Int32Array;
  private tail = 0;
  private readonly objects = new Map<number, StoredCreditor>();
  private released = 0;

  constructor(
    /** The register's own creditors (merge mode), changed ones replaced: positions [0, head.length). */
    private readonly head: StoredCreditor[],
    private readonly imported: ImportedCreditors,
  ) {
    this.fileIndex = new Int32Array(imported.count);
    this.cids = new Int32Array(imported.count);
  }

  get length(): number {
    return this.head.length + this.tail;
  }

  addNew(fileIndex: number, cid: number): void {
    if (cid > 0x7fffffff) throw new RangeError(`cid out of range: ${cid}`);
    this.fileIndex[this.tail] = fileIndex;
    this.cids[this.tail++] = cid;
  }

  addObject(creditor: StoredCreditor): void {
    this.objects.set(this.tail, creditor);
    this.fileIndex[this.tail++] = -1;
  }

  slice(start: number, end: number): StoredCreditor[] {
    const to = Math.min(end, this.length);
    if (start < this.released && start < to) throw new Error('planned creditors released');
    const out: StoredCreditor[] = [];
    for (let p = start; p < to; p++) out.push(this.at(p));
    return out;
  }

  private at(p: number): StoredCreditor {
    if (p < this.head.length) return this.head[p] as StoredCreditor;
    const k = p - this.head.length;
    const kept = this.objects.get(k);
    if (kept) return kept;
    // Taken over like the objects of an array plan: the cid is added last, as it always was.
    const stored = this.imported.creditor(this.fileIndex[k] as number) as Creditor & { cid: string };
    stored.cid = String(this.cids[k]);
    return stored;
  }

  release(end: number): void {
    const to = Math.min(end, this.length);
    if (to <= this.released) return;
    this.head.fill(RELEASED, this.released, Math.min(to, this.head.length));
    let lastFile = -1;
    for (let k = Math.max(0, this.released - this.head.length); k < to - this.head.length; k++) {
      this.objects.delete(k);
      lastFile = Math.max(lastFile, this.fileIndex[k] as number);
    }
    // The file's new creditors come in file order: everything of the file before the last one
    // written is either written or merged into the register's own objects.
    if (to === this.length) this.imported.release(this.imported.count);
    else if (lastFile >= 0) this.imported.release(lastFile + 1);
    this.released = to;
  }

  totals(): CreditorTotals {
    let { principalFen, returnedFen, netClaimFen } = registerTotals(this.head);
    for (let k = 0; k < this.tail; k++) {
      const kept = this.objects.get(k);
      const i = this.fileIndex[k] as number;
      principalFen += kept ? kept.principalFen : this.imported.principalFen(i);
      returnedFen += kept ? kept.returnedFen : this.imported.returnedFen(i);
      netClaimFen += kept ? kept.netClaimFen : this.imported.netClaimFen(i);
    }
    return { principalFen, returnedFen, netClaimFen };
  }
}

/** A register of objects read as a plan's (a corrected register committed whole: tests, tools). */
export function plannedCreditors(list: StoredCreditor[]): PlannedCreditors {
  return new PlannedRegister(list, importedFrom([]));
}

/** merge: the file's contracts join the register; replace: the register becomes the file. */
export type ImportMode = 'merge' | 'replace';

export interface PlanOptions {
  readonly mode?: ImportMode;
  /** Store contracts the register already has as further contracts (the user confirmed they are). */
  readonly addRepeats?: boolean;
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
 * Plans an import. `imported` creditors are taken over (they get their cid in place: at a million
 * rows a copy would double the memory); `existing` ones are never mutated (copy-on-write).
 */
export function planCreditorImport(
  caseId: string,
  baseGeneration: number | null,
  existing: readonly StoredCreditor[],
  importedCreditors: ImportedCreditors | readonly Creditor[],
  firstCid: number,
  plannedBy: Person | null = null,
  plannedAt = '',
  options: PlanOptions = {},
): CreditorImportPlan {
  const imported = Array.isArray(importedCreditors) ? importedFrom(importedCreditors) : (importedCreditors as ImportedCreditors);
  if (options.mode === 'replace') return planReplacement(caseId, baseGeneration, existing, imported, firstCid, plannedBy, plannedAt);
  const addRepeats = options.addRepeats === true;
  const repeats: RowOutcome[] = [];
  const byKey = new Map<string, number>();
  existing.forEach((c, i) => {
    byKey.set(creditorKey(c.idType, c.idNumber), i);
  });
  const head: StoredCreditor[] = existing.slice();
  const creditors = new PlannedRegister(head, imported);
  const conflicts: RowOutcome[] = [];
  let nextCid = firstCid;
  let newCreditors = 0;
  const merged = new Set<number>();
  let importedRows = 0;
  for (let i = 0; i < imported.count; i++) {
    // An empty register (the usual first import) needs no lookup: no key string per creditor.
    const at = byKey.size === 0 ? undefined : byKey.get(creditorKey(imported.idType(i), imported.idNumber(i)));
    if (at === undefined) {
      creditors.addNew(i, nextCid++);
      newCreditors++;
      importedRows += imported.contractCount(i);
      continue;
    }
    const c = imported.creditor(i);
    const current = head[at];
    if (!current) throw new Error('register index out of step');
    // Names stored before spaces and invisible characters were normalized still match ("JohnSmith").
    if (current.name !== c.name && nameKey(current.name) !== nameKey(c.name)) {
      for (const k of c.contracts) conflicts.push(conflictOutcome(k.sourceRow, c, current));
      continue;
    }
    let adding = c;
    if (at < existing.length) {
      const split = splitRepeatedContracts(existing[at]?.contracts ?? [], c.contracts);
      for (const r of split.repeated) repeats.push(repeatOutcome(r.contract.sourceRow, c, r.matches, addRepeats));
      if (!addRepeats && split.repeated.length > 0) {
        if (split.fresh.length === 0) continue;
        adding = withContracts(c, split.fresh);
      }
    }
    head[at] = reviewMerge(current, mergeInto(current, adding), plannedBy, plannedAt);
    if (at < existing.length) merged.add(at);
    importedRows += adding.contracts.length;
  }
  conflicts.sort((a, b) => a.row - b.row);
  repeats.sort((a, b) => a.row - b.row);
  return {
    caseId,
    baseGeneration,
    creditors,
    conflicts,
    newCreditors,
    mergedCreditors: merged.size,
    importedRows,
    nextCid,
    totals: creditors.totals(),
    plannedBy,
    mode: 'merge',
    repeats,
    repeatsAdded: addRepeats,
    removedCreditors: 0,
    removedVerified: 0,
  };
}

/**
 * The register becomes the file. A person already in the register (same ID) keeps their cid, so
 * repayment history still finds them, and their verification: unless the bank account or the net
 * claim changes, which sends a verified creditor back to 待核实 with the importer as the one who
 * changed it (the same four-eyes rule as an edit). Everyone else in the register is removed.
 */
function planReplacement(
  caseId: string,
  baseGeneration: number | null,
  existing: readonly StoredCreditor[],
  imported: ImportedCreditors,
  firstCid: number,
  plannedBy: Person | null,
  plannedAt: string,
): CreditorImportPlan {
  const byKey = new Map<string, StoredCreditor>();
  for (const c of existing) byKey.set(creditorKey(c.idType, c.idNumber), c);
  const kept = new Set<string>();
  const creditors = new PlannedRegister([], imported);
  let nextCid = firstCid;
  let newCreditors = 0;
  let mergedCreditors = 0;
  let importedRows = 0;
  for (let i = 0; i < imported.count; i++) {
    const current = byKey.size === 0 ? undefined : byKey.get(creditorKey(imported.idType(i), imported.idNumber(i)));
    importedRows += imported.contractCount(i);
    if (!current) {
      creditors.addNew(i, nextCid++);
      newCreditors++;
      continue;
    }
    const c = imported.creditor(i);
    kept.add(current.cid);
    mergedCreditors++;
    const next: StoredCreditor = { ...c, cid: current.cid, status: current.status, exclusion: current.exclusion };
    if (current.statusNote) next.statusNote = current.statusNote;
    const changed = current.bankAccount !== c.bankAccount || current.netClaimFen !== c.netClaimFen;
    const reviewed = changed && current.status === '已核实' ? { ...next, status: '待核实' as const } : next;
    creditors.addObject(reviewMerge(current, withReviewOf(reviewed, current), plannedBy, plannedAt));
  }
  const removed = existing.filter((c) => !kept.has(c.cid));
  return {
    caseId,
    baseGeneration,
    creditors,
    conflicts: [],
    newCreditors,
    mergedCreditors,
    importedRows,
    nextCid,
    totals: creditors.totals(),
    plannedBy,
    mode: 'replace',
    repeats: [],
    repeatsAdded: false,
    removedCreditors: removed.length,
    removedVerified: removed.filter((c) => c.status === '已核实').length,
  };
}

const withReviewOf = (c: StoredCreditor, from: StoredCreditor): StoredCreditor => (from.review ? { ...c, review: from.review } : c);

function withContracts(c: Creditor, contracts: InvestmentRecord[]): Creditor {
  let principalFen = 0;
  let returnedFen = 0;
  for (const k of contracts) {
    principalFen += k.principalFen;
    returnedFen += k.returnedFen;
  }
  return { ...c, contracts, principalFen, returnedFen, netClaimFen: netClaim(principalFen, returnedFen) };
}

function repeatOutcome(row: number, c: Creditor, matches: InvestmentRecord, added: boolean): RowOutcome {
  return { row, status: 'warning', code: 'REPEATED_CONTRACT', message: repeatedContractMessage(row, c.name, matches, added), column: '证件号码', value: c.idNumber };
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
  if (!next.fileStatus && c.fileStatus) next.fileStatus = c.fileStatus;
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
