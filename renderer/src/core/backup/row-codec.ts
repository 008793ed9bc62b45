// Rows are stored as one JSON text per line (NDJSON). Database rows are structured-clone values, not
// JSON: plain JSON would silently turn a Uint8Array (an attachment) into {"0":..}, a Date into a
// string and -0 into 0, so a restored table would differ from the one backed up. Those values are
// written as tagged objects {"$t": tag, ...}; an object of the row's own that has a "$t" key is
// wrapped as {"$t":"obj","v":{…}} so it cannot be mistaken for a tag. Anything that cannot round-trip
// exactly (functions, Map, Blob, NaN, undefined inside an array …) is refused with its path.
import { base64ToBytes, bytesToBase64 } from './base64';
import { COLUMNS_TAG, decodeColumns, encodeColumns } from './block-columns';

const TAG = '$t';

export class RowValueError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Serialises one row to a single line of JSON (no raw newline can occur: JSON escapes it). */
export function encodeRow(row: unknown): string {
  // Almost every row is plain JSON already: one quick look says so, and only the rare row with a Date,
  // bytes, a "$t" key or a bad value takes the walk that tags values and names the path of a bad one.
  if (isPlainJson(row)) return JSON.stringify(row);
  const path: (string | number)[] = [];
  const prepared = prepare(row, path);
  return JSON.stringify(prepared);
}

/** Arrays at least this long are written as columns (records) or element by element by encodeRowPieces. */
const PIECE_ARRAY_MIN = 64;

/**
 * A row's line as format version 3 writes it, in pieces whose concatenation is the line. A row (or a
 * key of a row) holding a long array of records, such as a block of 1,000 creditors, has that array
 * written as columns (block-columns.ts): one JSON array per field, with counting fields (cid, row
 * number) as deltas. That is about 40 % less text than a record per element, and the text deflates in
 * half the time (a field's values next to each other). Other long arrays are stringified element by
 * element: V8 builds one large JSON.stringify result as a rope, and flattening it to encode it cost
 * more than the stringify; small pieces are flat at once. Other rows come back as encodeRow's line.
 * decodeRow reads every form back exactly.
 */
export function encodeRowPieces(row: unknown): string | string[] {
  if (typeof row !== 'object' || row === null || !isPlainJson(row)) return encodeRow(row);
  if (Array.isArray(row)) return (isLongArray(row) && encodeColumns(row)) || JSON.stringify(row);
  const obj = row as Record<string, unknown>;
  // JSON.stringify writes own enumerable string keys in Object.keys order; a plain row has no undefined.
  const keys = Object.keys(obj);
  if (!keys.some((k) => isLongArray(obj[k]))) return JSON.stringify(row);
  const out: string[] = [];
  let head = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = obj[key];
    head += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    const columns = isLongArray(value) ? encodeColumns(value) : null;
    if (columns) {
      out.push(head, ...columns);
      head = '';
    } else if (isLongArray(value)) {
      out.push(`${head}[`);
      for (let j = 0; j < value.length; j++) out.push(j > 0 ? `,${JSON.stringify(value[j])}` : JSON.stringify(value[j]));
      head = ']';
    } else head += JSON.stringify(value);
  }
  out.push(`${head}}`);
  return out;
}

function isLongArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.length >= PIECE_ARRAY_MIN;
}

/** True when JSON.stringify → JSON.parse gives the value back exactly (no tag needed, nothing refused). */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !(value === 0 && 1 / value < 0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          // undefined also stands for a hole: the careful walk tells which, and refuses both.
          if (item === undefined || !isPlainJson(item)) return false;
        }
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const obj = value as Record<string, unknown>;
      for (const key in obj) {
        if (key === TAG) return false;
        const item = obj[key];
        if (item === undefined || !isPlainJson(item)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

export function decodeRow(line: string): unknown {
  const value: unknown = JSON.parse(line);
  return line.includes(`"${TAG}"`) ? revive(value) : value;
}

function fail(path: readonly (string | number)[], reason: string): never {
  const where = path.length === 0 ? '(整行)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  throw new RowValueError(where, reason);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Returns the value itself when it is plain JSON already (the common case: no copy), else a tagged copy. */
function prepare(value: unknown, path: (string | number)[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) fail(path, `数值 ${String(value)} 无法保存（不是有限数）`);
      return value === 0 && 1 / value < 0 ? { [TAG]: '-0' } : value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return prepareArray(value, path);
      if (value instanceof Uint8Array) return { [TAG]: 'bytes', v: bytesToBase64(value) };
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) fail(path, '无效日期（Invalid Date）无法保存');
        return { [TAG]: 'date', v: value.toISOString() };
      }
      return prepareObject(value as object, path);
    default:
      return fail(path, `不支持的值类型 ${typeof value}（只能保存 JSON 数据、Uint8Array 和 Date）`);
  }
}

function prepareArray(items: readonly unknown[], path: (string | number)[]): unknown[] {
  let copy: unknown[] | null = null;
  for (let i = 0; i < items.length; i++) {
    path.push(i);
    if (!(i in items)) fail(path, '数组中有空位（稀疏数组），恢复后会变成 null');
    const item = items[i];
    if (item === undefined) fail(path, '数组中的 undefined 恢复后会变成 null');
    const p = prepare(item, path);
    if (p !== item && copy === null) copy = items.slice(0, i);
    if (copy !== null) copy.push(p);
    path.pop();
  }
  return copy ?? (items as unknown[]);
}

function prepareObject(obj: object, path: (string | number)[]): unknown {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    const kind = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    fail(path, `不支持的对象类型 ${kind}（只能保存 JSON 数据、Uint8Array 和 Date）`);
  }
  const source = obj as Record<string, unknown>;
  const keys = Object.keys(source);
  let copy: Record<string, unknown> | null = null;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const item = source[key];
    // A property holding undefined is written as absent, as JSON does; reading it back gives undefined too.
    if (item === undefined) continue;
    path.push(key);
    const p = prepare(item, path);
    path.pop();
    if (p !== item && copy === null) {
      copy = {};
      for (let j = 0; j < k; j++) {
        const earlier = keys[j] as string;
        if (source[earlier] !== undefined) setOwn(copy, earlier, source[earlier]);
      }
    }
    if (copy !== null) setOwn(copy, key, p);
  }
  const out = copy ?? source;
  return Object.hasOwn(source, TAG) ? { [TAG]: 'obj', v: out } : out;
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  if (Object.hasOwn(obj, TAG)) {
    const tag = obj[TAG];
    if (tag === 'bytes' && typeof obj.v === 'string') return base64ToBytes(obj.v);
    if (tag === 'date' && typeof obj.v === 'string') return new Date(obj.v);
    if (tag === '-0') return -0;
    if (tag === COLUMNS_TAG) return decodeColumns(obj);
    if (tag === 'obj' && obj.v !== null && typeof obj.v === 'object' && !Array.isArray(obj.v)) return reviveProps(obj.v as Record<string, unknown>);
    throw new Error(`unknown row value tag ${JSON.stringify(tag)}`);
  }
  return reviveProps(obj);
}

function reviveProps(obj: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(obj)) setOwn(obj, key, revive(obj[key]));
  return obj;
}
