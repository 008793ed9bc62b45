import { describe, expect, it } from 'vitest';
import { applyToBlocks, type ExchangeRecordBlock, flattenBlocks, type StoredExchangeRecord } from '../../../../renderer/src/core/exchange/record-blocks';

// Received records packed into blocks: an import rewrites only the blocks its changes touch, a
// changed record keeps its place, new records fill the last block of their kind, emptied blocks go.

const rec = (sourceId: string, title = sourceId): StoredExchangeRecord => ({
  sourceId,
  district: '环翠区',
  periodKey: '2026-Q4',
  packageSha256: 'f',
  packageCreatedAt: '2026-12-01T00:00:00.000Z',
  contentHash: title,
  data: { title },
});

function fill(office: string, kind: string, n: number, perBlock: number): ExchangeRecordBlock[] {
  const made = applyToBlocks([], office, '环翠区处非办', Array.from({ length: n }, (_, i) => ({ kind, record: rec(`${kind}-${i}`) })), [], perBlock);
  expect(made.deleted).toEqual([]);
  return made.put;
}

describe('received records in blocks', () => {
  it('packs new records of each kind into blocks of at most the block size', () => {
    const blocks = [...fill('A', 'case', 5, 2), ...fill('A', 'petition', 1, 2)];
    expect(blocks.map((b) => [b.id, b.records.length])).toEqual([
      ['A|case|0', 2],
      ['A|case|1', 2],
      ['A|case|2', 1],
      ['A|petition|0', 1],
    ]);
    expect(flattenBlocks(blocks).map((r) => r.key)).toEqual(['A|case|case-0', 'A|case|case-1', 'A|case|case-2', 'A|case|case-3', 'A|case|case-4', 'A|petition|petition-0']);
  });

  it('a changed record is rewritten in its own block only; a new one fills the last block', () => {
    const blocks = fill('A', 'case', 5, 2);
    const out = applyToBlocks(blocks, 'A', '环翠区处非办', [{ kind: 'case', record: rec('case-1', '改过') }, { kind: 'case', record: rec('case-9') }], [], 2);
    expect(out.put.map((b) => b.id).sort()).toEqual(['A|case|0', 'A|case|2']);
    expect(out.put.find((b) => b.id === 'A|case|0')?.records.map((r) => r.contentHash)).toEqual(['case-0', '改过']);
    expect(out.put.find((b) => b.id === 'A|case|2')?.records.map((r) => r.sourceId)).toEqual(['case-4', 'case-9']);
  });

  it('removals leave the other records in place and delete a block left empty', () => {
    const blocks = fill('A', 'case', 3, 2);
    const out = applyToBlocks(blocks, 'A', '环翠区处非办', [], [{ kind: 'case', sourceId: 'case-2' }, { kind: 'case', sourceId: 'case-0' }], 2);
    expect(out.deleted).toEqual(['A|case|1']);
    expect(out.put.map((b) => [b.id, b.records.map((r) => r.sourceId)])).toEqual([['A|case|0', ['case-1']]]);
  });

  it("another office's blocks are never written, even when handed in", () => {
    const other = fill('B', 'case', 2, 2);
    const out = applyToBlocks(other, 'A', '环翠区处非办', [{ kind: 'case', record: rec('case-0', 'A 的') }], [{ kind: 'case', sourceId: 'case-1' }], 2);
    expect(out.deleted).toEqual([]);
    expect(out.put.map((b) => [b.id, b.office, b.records.length])).toEqual([['A|case|0', 'A', 1]]);
  });
});
