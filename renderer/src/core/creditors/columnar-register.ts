// A loaded creditor register held by columns instead of one object per creditor (issue 17): the
// page shows, searches, sorts and totals a million creditors from typed arrays (amounts, codes)
// and a few long strings (cid, name, ID, phone, each entry after a "\n", with an offset array),
// ~100 bytes a creditor instead of ~550. Row objects are made only for what is on the screen; the
// full record (contracts, address, bank, review) is read from its stored block when one is opened.
import type { CreditorStatus, Exclusion, IdType } from './types';

/**
 * Entries of one text field joined into one flat string, "\n" before each entry, with the offset
 * of each entry: String.prototype.indexOf over one long string is a fast native scan (the search),
 * and entry i is text.slice(starts[i], starts[i + 1] - 1). starts has count + 1 items.
 */
export interface TextColumn {
  readonly text: string;
  readonly starts: Int32Array;
}

/** What the register page needs of a stored creditor (the columns are made from these fields). */
export interface RegisterRowSource {
  readonly cid: string;
  readonly name: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly phone?: string;
  readonly contracts: { readonly length: number };
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  readonly status: CreditorStatus;
  readonly exclusion: Exclusion;
  readonly statusNote?: string;
  readonly fileStatus?: CreditorStatus;
  readonly review?: { readonly pendingChange?: unknown };
}

/** One row as the table shows it, made on demand from the columns. */
export type RegisterRow = Omit<RegisterRowSource, 'contracts' | 'review'> & {
  readonly index: number;
  readonly contractCount: number;
  /** A change made after verification waits for another person. */
  readonly pendingChange: boolean;
};

export interface ColumnarRegister {
  readonly count: number;
  readonly cids: TextColumn;
  readonly names: TextColumn;
  /** Names folded like a search query (normalizeKey); the same object as `names` when no name changes. */
  readonly nameKeys: TextColumn;
  readonly idNumbers: TextColumn;
  /** '' where the creditor has no phone. */
  readonly phones: TextColumn;
  readonly idTypes: Uint8Array;
  readonly contractCounts: Int32Array;
  readonly principalFen: Float64Array;
  readonly returnedFen: Float64Array;
  readonly netClaimFen: Float64Array;
  /** Index in STATUS_CODES. */
  readonly statuses: Uint8Array;
  /** 0: none; else 1 + index in STATUS_CODES. */
  readonly fileStatuses: Uint8Array;
  /** 0: none; else 1 + index in EXCLUSION_CODES. */
  readonly exclusions: Uint8Array;
  /** 1: a change waits for review (review.pendingChange). */
  readonly pending: Uint8Array;
  /** The few 存疑 reasons, by row. */
  readonly statusNotes: ReadonlyMap<number, string>;
  /** Rows taken per add() call (per stored block): blockStarts[b] is block b's first row; count + 1 items. */
  readonly blockStarts: Int32Array;
}

/**
 * The text columns alone: what the petition form's creditor picker matches (name key, ID, phone)
 * and shows (cid, name, masked ID), ~2/3 of the whole register's memory at a million.
 */
export type RegisterTexts = Pick<ColumnarRegister, 'count' | 'cids' | 'names' | 'nameKeys' | 'idNumbers' | 'phones'>;

/** What the text columns are made from. */
export type RegisterTextSource = Pick<RegisterRowSource, 'cid' | 'name' | 'idNumber' | 'phone'>;

export const ID_TYPE_CODES: readonly IdType[] = ['resident', 'resident15', 'passport', 'hk_macau', 'taiwan', 'org'];
export const STATUS_CODES: readonly CreditorStatus[] = ['待核实', '已核实', '存疑'];
export const EXCLUSION_CODES: readonly Exclude<Exclusion, null>[] = ['employee', 'agent', 'defendant', 'unregistered'];

/**
 * Search key of a name or a query: full-width digits and letters typed by an IME folded, spaces
 * removed, upper case ("John Smith" is found by "john smith", "johnsmith" or "SMITH").
 */
export function normalizeKey(text: string): string {
  // Most names are Chinese characters (with digits, capitals or the middle dot of minority names):
  // nothing to fold, and one test instead of two replaces and an upper-casing (~0.25 s at a million).
  if (PLAIN_KEY.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Text normalizeKey leaves as it is: CJK ideographs, ASCII digits and capitals, "·" (no case, no width, no space). */
const PLAIN_KEY = /^[\u3400-\u9fff0-9A-Z\u00b7]*$/;

/** Entry i of a text column. */
export function entryOf(column: TextColumn, i: number): string {
  return column.text.slice(column.starts[i] as number, (column.starts[i + 1] as number) - 1);
}

/** Builds a text column a chunk at a time: each chunk is joined once, the chunks once at the end. */
class TextColumnBuilder {
  private chunks: string[] = [];
  private starts: Int32Array;
  private offset = 1;
  private count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity + 1);
  }

  /** A builder holding the same entries so far (the chunks are shared, not copied). */
  copy(): TextColumnBuilder {
    const other = new TextColumnBuilder(0);
    other.chunks = this.chunks.slice();
    other.starts = this.starts.slice();
    other.offset = this.offset;
    other.count = this.count;
    return other;
  }

  addChunk(entries: string[]): void {
    this.reserve(this.count + entries.length);
    for (let i = 0; i < entries.length; i++) {
      // An entry never holds "\n" (names are normalized, IDs and phones are digits); keep it that way.
      const e = entries[i] as string;
      const k = e.includes('\n') ? e.replace(/\n/g, ' ') : e;
      entries[i] = k;
      this.starts[this.count++] = this.offset;
      this.offset += k.length + 1;
    }
    // A leading '' makes join() put "\n" before every entry and return one flat string.
    entries.unshift('');
    this.chunks.push(entries.join('\n'));
  }

  finish(): TextColumn {
    this.reserve(this.count);
    this.starts[this.count] = this.offset;
    // One chunk needs no copy; several are joined into one flat string (a rope of "+" would leave
    // the first search to flatten it).
    const text = this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
    // The pieces go as soon as the flat text exists: the columns are finished one after another,
    // so the register's text is never held twice over (pieces and joined) all at once.
    this.chunks = [text];
    return { text, starts: this.starts.length === this.count + 1 ? this.starts : this.starts.slice(0, this.count + 1) };
  }

  private reserve(count: number): void {
    if (this.starts.length >= count + 1) return;
    const grown = new Int32Array(Math.max(count + 1, this.starts.length * 2));
    grown.set(this.starts);
    this.starts = grown;
  }
}

/**
 * Makes the text columns (RegisterTexts) from rows handed over a block at a time, in register
 * order: the petition form's picker builds only these; ColumnarRegisterBuilder adds the rest.
 */
export class RegisterTextsBuilder {
  private count = 0;
  private readonly cids: TextColumnBuilder;
  private readonly names: TextColumnBuilder;
  /** Made only once a name differs from its search key (most registers: never; `names` serves). */
  private nameKeys: TextColumnBuilder | null = null;
  private readonly idNumbers: TextColumnBuilder;
  private readonly phones: TextColumnBuilder;

  constructor(expected = 0) {
    const n = Math.max(0, expected);
    this.cids = new TextColumnBuilder(n);
    this.names = new TextColumnBuilder(n);
    this.idNumbers = new TextColumnBuilder(n);
    this.phones = new TextColumnBuilder(n);
  }

  /** Takes one block of rows, in register order. */
  add(rows: readonly RegisterTextSource[]): void {
    const n = rows.length;
    const cids = new Array<string>(n);
    const names = new Array<string>(n);
    const keys = new Array<string>(n);
    const ids = new Array<string>(n);
    const phones = new Array<string>(n);
    let keysDiffer = false;
    for (let j = 0; j < n; j++) {
      const c = rows[j] as RegisterTextSource;
      cids[j] = c.cid;
      names[j] = c.name;
      const key = normalizeKey(c.name);
      if (key !== c.name) keysDiffer = true;
      keys[j] = key;
      ids[j] = c.idNumber;
      phones[j] = c.phone ?? '';
    }
    // The first block with a name unlike its key starts the key column from the names so far.
    if (keysDiffer && this.nameKeys === null) this.nameKeys = this.names.copy();
    this.cids.addChunk(cids);
    this.names.addChunk(names);
    this.nameKeys?.addChunk(keys);
    this.idNumbers.addChunk(ids);
    this.phones.addChunk(phones);
    this.count += n;
  }

  finish(): RegisterTexts {
    // One column after another, each letting go of its pieces (see TextColumnBuilder.finish).
    const cids = this.cids.finish();
    const names = this.names.finish();
    const nameKeys = this.nameKeys?.finish() ?? names;
    const idNumbers = this.idNumbers.finish();
    const phones = this.phones.finish();
    return { count: this.count, cids, names, nameKeys, idNumbers, phones };
  }
}

/**
 * Makes a ColumnarRegister from rows handed over a block at a time (the caller drops each block
 * after add(), so all creditor objects never exist at once). `expected` sizes the arrays (the
 * register pointer's count); more rows are still taken.
 */
export class ColumnarRegisterBuilder {
  private count = 0;
  private capacity: number;
  private readonly texts: RegisterTextsBuilder;
  private idTypes: Uint8Array;
  private contractCounts: Int32Array;
  private principalFen: Float64Array;
  private returnedFen: Float64Array;
  private netClaimFen: Float64Array;
  private statuses: Uint8Array;
  private fileStatuses: Uint8Array;
  private exclusions: Uint8Array;
  private pending: Uint8Array;
  private readonly statusNotes = new Map<number, string>();
  private readonly blockStarts: number[] = [0];

  constructor(expected = 0) {
    const n = Math.max(0, expected);
    this.capacity = n;
    this.texts = new RegisterTextsBuilder(n);
    this.idTypes = new Uint8Array(n);
    this.contractCounts = new Int32Array(n);
    this.principalFen = new Float64Array(n);
    this.returnedFen = new Float64Array(n);
    this.netClaimFen = new Float64Array(n);
    this.statuses = new Uint8Array(n);
    this.fileStatuses = new Uint8Array(n);
    this.exclusions = new Uint8Array(n);
    this.pending = new Uint8Array(n);
  }

  /** Takes one block of rows, in register order. */
  add(rows: readonly RegisterRowSource[]): void {
    const n = rows.length;
    this.reserve(this.count + n);
    for (let j = 0; j < n; j++) {
      const c = rows[j] as RegisterRowSource;
      const i = this.count + j;
      this.idTypes[i] = code(ID_TYPE_CODES, c.idType);
      this.contractCounts[i] = c.contracts.length;
      this.principalFen[i] = c.principalFen;
      this.returnedFen[i] = c.returnedFen;
      this.netClaimFen[i] = c.netClaimFen;
      this.statuses[i] = code(STATUS_CODES, c.status);
      this.fileStatuses[i] = c.fileStatus ? code(STATUS_CODES, c.fileStatus) + 1 : 0;
      this.exclusions[i] = c.exclusion ? code(EXCLUSION_CODES, c.exclusion) + 1 : 0;
      this.pending[i] = c.review?.pendingChange ? 1 : 0;
      if (c.statusNote) this.statusNotes.set(i, c.statusNote);
    }
    this.texts.add(rows);
    this.count += n;
    this.blockStarts.push(this.count);
  }

  finish(): ColumnarRegister {
    const n = this.count;
    const trim = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => (a.length === n ? a : (a.slice(0, n) as T));
    return {
      ...this.texts.finish(),
      count: n,
      idTypes: trim(this.idTypes),
      contractCounts: trim(this.contractCounts),
      principalFen: trim(this.principalFen),
      returnedFen: trim(this.returnedFen),
      netClaimFen: trim(this.netClaimFen),
      statuses: trim(this.statuses),
      fileStatuses: trim(this.fileStatuses),
      exclusions: trim(this.exclusions),
      pending: trim(this.pending),
      statusNotes: this.statusNotes,
      blockStarts: Int32Array.from(this.blockStarts),
    };
  }

  private reserve(count: number): void {
    if (count <= this.capacity) return;
    const size = Math.max(count, this.capacity * 2);
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.idTypes = grow(this.idTypes, (k) => new Uint8Array(k));
    this.contractCounts = grow(this.contractCounts, (k) => new Int32Array(k));
    this.principalFen = grow(this.principalFen, (k) => new Float64Array(k));
    this.returnedFen = grow(this.returnedFen, (k) => new Float64Array(k));
    this.netClaimFen = grow(this.netClaimFen, (k) => new Float64Array(k));
    this.statuses = grow(this.statuses, (k) => new Uint8Array(k));
    this.fileStatuses = grow(this.fileStatuses, (k) => new Uint8Array(k));
    this.exclusions = grow(this.exclusions, (k) => new Uint8Array(k));
    this.pending = grow(this.pending, (k) => new Uint8Array(k));
    this.capacity = size;
  }
}

function code<T>(codes: readonly T[], value: T): number {
  const i = codes.indexOf(value);
  if (i < 0) throw new Error(`unknown register value: ${String(value)}`);
  return i;
}

/** A register of rows in one go (tests, small lists), one block per `blockSize` rows. */
export function columnarRegister(rows: readonly RegisterRowSource[], blockSize = 1000): ColumnarRegister {
  const builder = new ColumnarRegisterBuilder(rows.length);
  for (let i = 0; i < rows.length; i += blockSize) builder.add(rows.slice(i, i + blockSize));
  return builder.finish();
}

/** What a verification decision changes of a row (status, exclusion, 存疑 reason, a change waiting for review). */
export type VerificationFields = Pick<RegisterRowSource, 'status' | 'exclusion' | 'statusNote' | 'review'>;

/**
 * The register with some rows' verification replaced, as a bulk verification stored it, without
 * reading the register again (issue 17): the text and amount columns are shared, the byte columns
 * of status, exclusion and pending review copied (a new object, so what was made from the old one
 * is made again). `rows`: [row index, the creditor as now stored].
 */
export function withVerification(r: ColumnarRegister, rows: Iterable<readonly [number, VerificationFields]>): ColumnarRegister {
  const statuses = r.statuses.slice();
  const exclusions = r.exclusions.slice();
  const pending = r.pending.slice();
  const statusNotes = new Map(r.statusNotes);
  for (const [i, c] of rows) {
    if (!(i >= 0 && i < r.count)) throw new RangeError(`register row out of range: ${i}`);
    statuses[i] = code(STATUS_CODES, c.status);
    exclusions[i] = c.exclusion ? code(EXCLUSION_CODES, c.exclusion) + 1 : 0;
    pending[i] = c.review?.pendingChange ? 1 : 0;
    if (c.statusNote) statusNotes.set(i, c.statusNote);
    else statusNotes.delete(i);
  }
  return { ...r, statuses, exclusions, pending, statusNotes };
}

/** Row i as the table shows it. */
export function registerRow(r: ColumnarRegister, i: number): RegisterRow {
  const phone = entryOf(r.phones, i);
  const fileStatus = r.fileStatuses[i] as number;
  const exclusion = r.exclusions[i] as number;
  const note = r.statusNotes.get(i);
  return {
    index: i,
    cid: entryOf(r.cids, i),
    name: entryOf(r.names, i),
    idType: ID_TYPE_CODES[r.idTypes[i] as number] as IdType,
    idNumber: entryOf(r.idNumbers, i),
    ...(phone ? { phone } : {}),
    contractCount: r.contractCounts[i] as number,
    principalFen: r.principalFen[i] as number,
    returnedFen: r.returnedFen[i] as number,
    netClaimFen: r.netClaimFen[i] as number,
    status: STATUS_CODES[r.statuses[i] as number] as CreditorStatus,
    exclusion: exclusion === 0 ? null : (EXCLUSION_CODES[exclusion - 1] as Exclusion),
    ...(note ? { statusNote: note } : {}),
    ...(fileStatus === 0 ? {} : { fileStatus: STATUS_CODES[fileStatus - 1] as CreditorStatus }),
    pendingChange: r.pending[i] === 1,
  };
}

/** The row index of a cid, or -1 (one native scan of the cid column). */
export function indexOfCid(r: Pick<ColumnarRegister, 'count' | 'cids'>, cid: string): number {
  const { text, starts } = r.cids;
  const needle = `\n${cid}`;
  let pos = text.indexOf(needle);
  while (pos >= 0) {
    const end = pos + needle.length;
    if (end === text.length || text.charCodeAt(end) === 10) return entryAt(starts, r.count, pos + 1);
    pos = text.indexOf(needle, end);
  }
  return -1;
}

/** Where row i is stored: its block (in load order) and its place in the block. */
export function blockOfRow(r: ColumnarRegister, i: number): { readonly block: number; readonly offset: number } {
  const block = entryAt(r.blockStarts, r.blockStarts.length - 1, i);
  return { block, offset: i - (r.blockStarts[block] as number) };
}

/** Index of the entry holding text position `pos` (the last start ≤ pos). */
export function entryAt(starts: Int32Array, count: number, pos: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
