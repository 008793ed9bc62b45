import { describe, expect, it } from 'vitest';
import {
  type CellValue,
  createCreditorImport,
  runCreditorImport,
  type SheetRow,
} from '../../../../renderer/src/core/creditors';
import { HEADER, makeId, person, today } from './helpers';

function* register(n: number): Generator<SheetRow> {
  yield { row: 1, cells: HEADER };
  for (let i = 0; i < n; i++) {
    const seq = String(i % 1000).padStart(3, '0');
    const day = String(1 + (Math.floor(i / 1000) % 28)).padStart(2, '0');
    const cells: CellValue[] = person(`张${i % 7}`, makeId(`198001${day}`, seq), String(1000 + (i % 13)), i % 5 === 0 ? '1.5' : '0');
    yield { row: i + 2, cells };
  }
}

describe('incremental import', () => {
  it('feeding rows in chunks gives the same result as feeding them at once', () => {
    const once = createCreditorImport({ today });
    once.feed(register(3000));
    const chunked = createCreditorImport({ today });
    const rows = [...register(3000)];
    for (let i = 0; i < rows.length; i += 77) chunked.feed(rows.slice(i, i + 77));
    expect(chunked.rowsSeen).toBe(3001);
    // `imported` reads the same creditors by columns (functions, compared through what they give).
    const { imported: a, ...chunkedResult } = chunked.finish();
    const { imported: b, ...onceResult } = once.finish();
    expect(chunkedResult).toEqual(onceResult);
    expect(a.count).toBe(b.count);
    expect(Array.from({ length: a.count }, (_, i) => a.creditor(i))).toEqual(onceResult.creditors);
  });

  it('reports progress after every chunk and at the end', async () => {
    const seen: number[] = [];
    const r = await runCreditorImport(register(2500), { today }, { chunkRows: 1000, rowsTotal: 2501, onProgress: (p) => seen.push(p.rowsDone) });
    expect(seen).toEqual([1000, 2000, 2501]);
    expect(r.dataRows).toBe(2500);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = runCreditorImport(register(10_000), { today }, {
      chunkRows: 1000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsDone >= 3000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('can keep only the problem rows, for million-row imports', () => {
    const s = createCreditorImport({ today, keepOkRows: false });
    s.feed([{ row: 1, cells: HEADER }, { row: 2, cells: person('张三', makeId(), '1') }, { row: 3, cells: person('李四', 'x', '1') }]);
    const r = s.finish();
    expect(r.rows.map((o) => o.row)).toEqual([3]);
    expect(r.okRows).toBe(1);
    expect(r.creditors).toHaveLength(1);
  });
});
