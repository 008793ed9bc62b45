// Merging rows into creditors: the same normalized ID is one creditor with several contracts
// (一人多合同); the same ID under another name is a conflict on the later row. A hash table from ID
// to the creditor's index keeps this a single pass at any size.
import { detach, nameKey } from './cell';
import { TextStore } from './text-store';
import type { Creditor, CreditorStatus, IdType, ImportedCreditors, InvestmentRecord } from './types';
import type { ValidRow } from './validate-row';

export type MergeOutcome =
  | { readonly kind: 'new' | 'merged' }
  | { readonly kind: 'conflict'; readonly code: 'ID_NAME_CONFLICT'; readonly message: string }
  | { readonly kind: 'duplicate'; readonly code: 'POSSIBLE_DUPLICATE'; readonly message: string };

/**
 * A creditor from its first row. The usual row has every contact detail: one literal then gives
 * the object its final shape at once (same properties in the same order as adding the optional
 * ones one by one, which a row with gaps still does).
 */
function newCreditor(row: ValidRow): Creditor {
  const contract: InvestmentRecord = { principalFen: row.principalFen, returnedFen: row.returnedFen, sourceRow: row.row, note: row.note };
  const netClaimFen = Math.max(0, row.principalFen - row.returnedFen);
  if (row.phone && row.address && row.bankName && row.bankAccount && !row.fileStatus) {
    return {
      name: row.name,
      idType: row.idType,
      idNumber: row.idNumber,
      contracts: [contract],
      principalFen: row.principalFen,
      returnedFen: row.returnedFen,
      netClaimFen,
      status: '待核实',
      exclusion: null,
      phone: row.phone,
      address: row.address,
      bankName: row.bankName,
      bankAccount: row.bankAccount,
    };
  }
  const creditor: Creditor = {
    name: row.name,
    idType: row.idType,
    idNumber: row.idNumber,
    contracts: [contract],
    principalFen: row.principalFen,
    returnedFen: row.returnedFen,
    netClaimFen,
    status: '待核实',
    exclusion: null,
  };
  if (row.phone) creditor.phone = row.phone;
  if (row.address) creditor.address = row.address;
  if (row.bankName) creditor.bankName = row.bankName;
  if (row.bankAccount) creditor.bankAccount = row.bankAccount;
  if (row.fileStatus) creditor.fileStatus = row.fileStatus;
  return creditor;
}

export interface CreditorRegister {
  /** Adds a valid row; a conflict leaves the register unchanged. */
  add(row: ValidRow): MergeOutcome;
  /** The creditors so far, by columns; call seal() once no row follows. */
  readonly imported: ImportedCreditors;
  /** Every creditor as an object (built from the columns). */
  objects(): Creditor[];
  /** No row follows: the last columns are joined (the file's text is then held nowhere). */
  seal(): void;
  readonly totals: { principalFen: number; returnedFen: number; netClaimFen: number };
}

const ID_TYPES: readonly IdType[] = ['resident', 'resident15', 'passport', 'hk_macau', 'taiwan', 'org'];
const ID_TYPE_CODE = new Map(ID_TYPES.map((t, i) => [t, i]));
const FILE_STATUSES: readonly CreditorStatus[] = ['待核实', '已核实', '存疑'];

/** The same rule as mergeKey: resident IDs and credit codes share one key space (0), other documents each their own. */
function keyKind(code: number): number {
  const t = ID_TYPES[code];
  return t === 'resident' || t === 'resident15' || t === 'org' ? 0 : code + 1;
}

/** FNV-1a over the key kind and the ID's characters. */
function keyHash(kind: number, id: string): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h;
}

const INITIAL_CAPACITY = 1024;

function grownF64(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
function grownI32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
function grownU8(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

/**
 * The import's creditors by columns (issue 17): a creditor of one row (most of them) is its strings
 * in joined text columns and its amounts, row and codes in typed arrays, ~100 bytes instead of a
 * ~600-byte object graph; the ID lookup is an open-addressing table over the ID column instead of
 * a Map of a million key strings. A creditor met on a second row becomes an object (built exactly
 * as the first row would have built it) and merges as before, so results and property order are
 * those of the object register.
 */
export function createCreditorRegister(): CreditorRegister {
  // A register names a handful of banks a million times: one string each, not a copy per creditor.
  const bankNames: string[] = [''];
  const bankIndex = new Map<string, number>();
  const bank = (name: string): number => {
    if (name === '') return 0;
    let at = bankIndex.get(name);
    if (at === undefined) {
      at = bankNames.length;
      const kept = detach(name);
      bankNames.push(kept);
      bankIndex.set(kept, at);
    }
    return at;
  };
  const names = new TextStore();
  const ids = new TextStore();
  const phones = new TextStore();
  const addresses = new TextStore();
  const accounts = new TextStore();
  const notes = new TextStore();
  let capacity = INITIAL_CAPACITY;
  let idTypes: Uint8Array = new Uint8Array(capacity);
  let fileStatuses: Uint8Array = new Uint8Array(capacity);
  let banks: Int32Array = new Int32Array(capacity);
  let principal: Float64Array = new Float64Array(capacity);
  let returned: Float64Array = new Float64Array(capacity);
  let sourceRows: Int32Array = new Int32Array(capacity);
  let hashes: Int32Array = new Int32Array(capacity);
  let count = 0;
  /** Creditors met on more than one row, as objects. */
  const merged = new Map<number, Creditor>();
  let slots: Int32Array = new Int32Array(INITIAL_CAPACITY * 2).fill(-1);
  let mask = slots.length - 1;
  let released = 0;
  /** No row follows (seal): the ID table is gone. */
  let sealed = false;
  const totals = { principalFen: 0, returnedFen: 0, netClaimFen: 0 };

  function grow(): void {
    capacity *= 2;
    idTypes = grownU8(idTypes, capacity);
    fileStatuses = grownU8(fileStatuses, capacity);
    banks = grownI32(banks, capacity);
    principal = grownF64(principal, capacity);
    returned = grownF64(returned, capacity);
    sourceRows = grownI32(sourceRows, capacity);
    hashes = grownI32(hashes, capacity);
  }

  function rehash(): void {
    slots = new Int32Array(slots.length * 2).fill(-1);
    mask = slots.length - 1;
    for (let i = 0; i < count; i++) {
      let slot = (hashes[i] as number) & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = i;
    }
  }

  /** The creditor with this key, or -(free slot) - 1 where it would go. */
  function find(kind: number, hash: number, id: string): number {
    let slot = hash & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at < 0) return -slot - 1;
      if (hashes[at] === hash && keyKind(idTypes[at] as number) === kind && ids.equals(at, id)) return at;
      slot = (slot + 1) & mask;
    }
  }

  function fileStatusOf(i: number): CreditorStatus | undefined {
    const code = fileStatuses[i] as number;
    return code === 0 ? undefined : FILE_STATUSES[code - 1];
  }

  function objectOf(i: number): Creditor {
    const kept = merged.get(i);
    if (kept) return kept;
    if (i < released) throw new Error('creditor released');
    const fileStatus = fileStatusOf(i);
    return newCreditor({
      row: sourceRows[i] as number,
      name: names.get(i),
      idType: ID_TYPES[idTypes[i] as number] as IdType,
      idNumber: ids.get(i),
      phone: phones.get(i),
      address: addresses.get(i),
      bankName: bankNames[banks[i] as number] as string,
      bankAccount: accounts.get(i),
      principalFen: principal[i] as number,
      returnedFen: returned[i] as number,
      note: notes.get(i),
      ...(fileStatus ? { fileStatus } : {}),
    });
  }

  /** A creditor met again: an object from now on, its strings cut loose from the file's text. */
  function promote(i: number): Creditor {
    const creditor = objectOf(i);
    if (merged.has(i)) return creditor;
    creditor.name = detach(creditor.name);
    creditor.idNumber = detach(creditor.idNumber);
    if (creditor.phone) creditor.phone = detach(creditor.phone);
    if (creditor.address) creditor.address = detach(creditor.address);
    if (creditor.bankAccount) creditor.bankAccount = detach(creditor.bankAccount);
    const first = creditor.contracts[0] as InvestmentRecord;
    creditor.contracts[0] = { ...first, note: detach(first.note) };
    merged.set(i, creditor);
    return creditor;
  }

  function add(row: ValidRow): MergeOutcome {
    if (sealed) throw new Error('creditor register: add after seal');
    const code = ID_TYPE_CODE.get(row.idType) as number;
    const kind = keyKind(code);
    const hash = keyHash(kind, row.idNumber);
    const found = find(kind, hash, row.idNumber);
    if (found < 0) {
      if (count === capacity) grow();
      const i = count++;
      names.push(row.name);
      ids.push(row.idNumber);
      phones.push(row.phone);
      addresses.push(row.address);
      accounts.push(row.bankAccount);
      notes.push(row.note);
      idTypes[i] = code;
      fileStatuses[i] = row.fileStatus ? FILE_STATUSES.indexOf(row.fileStatus) + 1 : 0;
      banks[i] = bank(row.bankName);
      principal[i] = row.principalFen;
      returned[i] = row.returnedFen;
      sourceRows[i] = row.row;
      hashes[i] = hash;
      slots[-found - 1] = i;
      if (count * 2 > slots.length) rehash();
      addTotals(row.principalFen, row.returnedFen, Math.max(0, row.principalFen - row.returnedFen));
      return { kind: 'new' };
    }
    const earlier = merged.get(found);
    const sameName = earlier ? earlier.name === row.name : names.equals(found, row.name);
    const name = sameName ? row.name : earlier ? earlier.name : names.get(found);
    // Spaces and invisible characters do not make another person ("John Smith" / "JohnSmith").
    if (!sameName && nameKey(name) !== nameKey(row.name)) {
      const firstRow = earlier ? (earlier.contracts[0]?.sourceRow ?? 0) : (sourceRows[found] as number);
      return {
        kind: 'conflict',
        code: 'ID_NAME_CONFLICT',
        message: `证件号码 ${row.idNumber} 已在第 ${firstRow} 行登记为“${name}”，本行姓名为“${row.name}”。同一证件号码只能对应一人：请核对合同原件，更正姓名或证件号码后重新导入本行。`,
      };
    }
    const creditor = promote(found);
    const contract = { principalFen: row.principalFen, returnedFen: row.returnedFen, sourceRow: row.row, note: detach(row.note) };
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
    if (!creditor.bankName && row.bankName) creditor.bankName = bankNames[bank(row.bankName)] as string;
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

  const imported: ImportedCreditors = {
    get count() {
      return count;
    },
    creditor: objectOf,
    idType: (i) => merged.get(i)?.idType ?? (ID_TYPES[idTypes[i] as number] as IdType),
    idNumber: (i) => merged.get(i)?.idNumber ?? ids.get(i),
    contractCount: (i) => merged.get(i)?.contracts.length ?? 1,
    principalFen: (i) => merged.get(i)?.principalFen ?? (principal[i] as number),
    returnedFen: (i) => merged.get(i)?.returnedFen ?? (returned[i] as number),
    netClaimFen: (i) => merged.get(i)?.netClaimFen ?? Math.max(0, (principal[i] as number) - (returned[i] as number)),
    release(end: number): void {
      released = Math.max(released, Math.min(end, count));
      for (const store of [names, ids, phones, addresses, accounts, notes]) store.release(released);
      for (const i of merged.keys()) if (i < released) merged.delete(i);
      if (released >= count) {
        slots = new Int32Array(0);
        hashes = new Int32Array(0);
      }
    },
  };

  return {
    add,
    imported,
    objects: () => Array.from({ length: count }, (_, i) => objectOf(i)),
    seal(): void {
      for (const store of [names, ids, phones, addresses, accounts, notes]) store.seal();
      // The ID table only finds a person for a later row (12 MB at a million, beside the peak).
      sealed = true;
      slots = new Int32Array(0);
      hashes = new Int32Array(0);
    },
    totals,
  };
}

/** An array of creditor objects read as ImportedCreditors (plans made from objects: tests, other callers). */
export function importedFrom(list: readonly Creditor[]): ImportedCreditors {
  const at = (i: number) => list[i] as Creditor;
  return {
    count: list.length,
    creditor: at,
    idType: (i) => at(i).idType,
    idNumber: (i) => at(i).idNumber,
    contractCount: (i) => at(i).contracts.length,
    principalFen: (i) => at(i).principalFen,
    returnedFen: (i) => at(i).returnedFen,
    netClaimFen: (i) => at(i).netClaimFen,
    release: () => undefined,
  };
}
