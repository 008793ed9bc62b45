import { describe, expect, it } from 'vitest';
import { anchorAt, type ChainSnapshot, checkAnchor, parseAuditAnchor } from '../../../../renderer/src/core/audit/chain-anchor';
import { compareState, describeMismatch, recordState } from '../../../../renderer/src/core/audit/record-state';

const h = (c: string) => c.repeat(64);
const anchor = anchorAt(40, h('b'), h('a'), new Date('2026-11-26T01:00:00Z'));
const chain = (patch: Partial<ChainSnapshot> = {}): ChainSnapshot => ({ count: 40, headSeq: 40, headHash: h('b'), firstHash: h('a'), hashAtAnchor: h('b'), ...patch });

describe('checkAnchor', () => {
  it('accepts a chain that reaches the anchor, or went on past it', () => {
    expect(checkAnchor(anchor, chain())).toEqual({ status: 'ok' });
    expect(checkAnchor(anchor, chain({ count: 45, headSeq: 45, headHash: h('c') }))).toEqual({ status: 'ok' });
  });

  it('names a cleared log, with where the chain had reached', () => {
    const v = checkAnchor(anchor, { count: 0, headSeq: 0, headHash: null, firstHash: null, hashAtAnchor: null });
    expect(v.status).toBe('cleared');
    expect('message' in v && v.message).toContain('审计日志已被清空：锚点记录审计链止于第 40 条');
  });

  it('names newest entries deleted, and how many', () => {
    const v = checkAnchor(anchor, chain({ count: 37, headSeq: 37, hashAtAnchor: null }));
    expect(v.status).toBe('truncated');
    expect('message' in v && v.message).toContain('审计链被截断：锚点记录审计链止于第 40 条，现在只到第 37 条，最新的 3 条审计记录被删除');
  });

  it('names a chain started again at 1, even once it is longer than the old one', () => {
    const short = checkAnchor(anchor, chain({ count: 2, headSeq: 2, firstHash: h('e'), hashAtAnchor: null }));
    expect(short.status).toBe('restarted');
    expect('message' in short && short.message).toContain('审计链被重新开始');
    expect(checkAnchor(anchor, chain({ count: 50, headSeq: 50, firstHash: h('e'), hashAtAnchor: h('f') })).status).toBe('restarted');
  });

  it('names a chain whose entry at the anchor differs (rewritten before it)', () => {
    const v = checkAnchor(anchor, chain({ hashAtAnchor: h('d') }));
    expect(v.status).toBe('rewritten');
    expect('message' in v && v.message).toContain('第 40 条审计记录与锚点不符');
  });

  it('says when the anchor is missing though the log has entries; a new office has nothing to compare', () => {
    const v = checkAnchor(null, chain());
    expect(v.status).toBe('missing');
    expect('message' in v && v.message).toContain('未找到审计链锚点');
    expect(checkAnchor(null, { count: 0, headSeq: 0, headHash: null, firstHash: null, hashAtAnchor: null })).toEqual({ status: 'new' });
  });
});

describe('parseAuditAnchor', () => {
  it('reads what anchorAt wrote and refuses anything else as no anchor', () => {
    expect(parseAuditAnchor(JSON.stringify(anchor))).toEqual(anchor);
    expect(parseAuditAnchor('{}')).toBeNull();
    expect(parseAuditAnchor('not json')).toBeNull();
    expect(parseAuditAnchor(JSON.stringify({ ...anchor, seq: 0 }))).toBeNull();
    expect(parseAuditAnchor(JSON.stringify({ ...anchor, hash: 'short' }))).toBeNull();
  });
});

describe('record states', () => {
  it('names the fields that differ, with their Chinese labels and the record', () => {
    const before = recordState({ caseNumber: '威公经立〔2020〕15号', title: '某某案', stage: '立案' });
    const after = recordState({ caseNumber: '威公经立〔2020〕15号', title: '被改过的案名', stage: '立案' });
    const diff = compareState(before, after);
    expect(diff).toEqual({ kind: 'fields', fields: ['title'] });
    expect(describeMismatch({ entity: 'cases', entityId: 'c1', name: '威公经立〔2020〕15号', seq: 3, difference: diff ?? { kind: 'deleted' } })).toBe(
      '案件 威公经立〔2020〕15号 的 案件名称 与审计记录不符（第 3 条审计记录之后在本应用之外被改动）。',
    );
  });

  it('tells a deleted record and one brought back from the recorded states', () => {
    expect(compareState(recordState({ a: 1 }), null)).toEqual({ kind: 'deleted' });
    expect(compareState(null, recordState({ a: 1 }))).toEqual({ kind: 'reappeared' });
    expect(compareState(null, null)).toBeNull();
    expect(compareState(recordState({ a: 1, b: [1, 2] }), recordState({ b: [1, 2], a: 1 }))).toBeNull();
  });
});
