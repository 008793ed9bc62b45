// The import worker frees each 1 MB read of a CSV as soon as the next is asked for (issue 17): the
// reader must then have kept nothing of it. These read the same files with every chunk detached
// the moment it is done and expect exactly the rows of the file read whole.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { releaseBuffer } from '../../../../renderer/src/core/common/release-buffer';
import { csvRows, csvRowsFrom } from '../../../../renderer/src/core/creditors';
import { HEADER, makeId } from './helpers';

/** The bytes `size` at a time, each in a buffer of its own that is detached once the next is asked for. */
function* releasedChunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.slice(at, at + size);
    yield chunk;
    releaseBuffer(chunk.buffer);
    // Detached: any view the reader kept would now read as empty, and the rows below would differ.
    expect(chunk.length).toBe(0);
  }
}

const rowsOf = (rows: Iterable<{ row: number; cells: readonly unknown[] }>) => [...rows].map((r) => [r.row, ...r.cells]);

function readReleased(bytes: Uint8Array, size: number) {
  return rowsOf(csvRowsFrom(bytes.subarray(0, 4096), () => releasedChunks(bytes, size)).rows);
}

describe('a CSV read in chunks that are freed as it goes', () => {
  const long = '长'.repeat(700);
  const text = [
    HEADER.join(','),
    `1,王喆,${makeId()},13800001111,1000,0,中国银行,6216610000222233334,山东省威海市环翠区海滨北路25号`,
    // Longer than a chunk: carried over several chunks before its line ends.
    `2,李四,${makeId()},13800002222,2000,0,,,${long}`,
    `3,"张,三",${makeId()},,"3,000","说""明""\n第二行",,,`,
    '4,赵六,x,,4000,0,,,',
  ].join('\r\n');

  it.each([
    ['utf-8', (t: string) => new TextEncoder().encode(t)],
    ['gb18030', (t: string) => new Uint8Array(iconv.encode(t, 'gb18030'))],
    ['utf-16le', (t: string) => new Uint8Array(iconv.encode(`\ufeff${t}`, 'utf-16le'))],
  ])('%s: the same rows as the file read whole, whatever the chunk size', (_name, encode) => {
    const bytes = encode(text);
    const whole = rowsOf(csvRows(bytes).rows);
    expect(whole).toHaveLength(5);
    expect(whole[2]?.[9]).toBe(long);
    for (const size of [7, 64, 333, 1024, bytes.length]) expect(readReleased(bytes, size)).toEqual(whole);
  });
});

describe('releaseBuffer', () => {
  it('empties the buffer and every view on it', () => {
    const bytes = new TextEncoder().encode('张三');
    const view = new Uint8Array(bytes.buffer, 1, 2);
    releaseBuffer(bytes.buffer);
    expect(bytes.buffer.byteLength).toBe(0);
    expect(bytes.length).toBe(0);
    expect(view.length).toBe(0);
    // Again, or on an empty buffer: nothing happens.
    releaseBuffer(bytes.buffer);
    releaseBuffer(new ArrayBuffer(0));
  });
});
