import { describe, expect, it, vi } from 'vitest';
import { columnarRegister, entryOf, registerRow, withVerification } from '../../../renderer/src/core/creditors/columnar-register';
import { registerTotals } from '../../../renderer/src/db/repositories/creditor-merge';
import type { LoadedRegister } from '../../../renderer/src/db/repositories/creditor-repository';
import type { StoredCreditor } from '../../../renderer/src/db/repositories/creditor-types';
import type { VerificationBasis } from '../../../renderer/src/db/repositories/creditor-verification';
import { createCase, importCreditors, type TestCreditor } from './repayment-test-data';
import { makeUserRepos, office, refusals, signInAs } from './users-test-data';

// Bulk verification as the register page does it (issue 17): the page hands where its rows are
// stored; only the blocks whose creditors change are written; the page's columns are updated in
// place from what was stored, and that equals the register read again from storage.

const N = 2_500; // three blocks of 1,000

async function setup() {
  const t = makeUserRepos();
  const users = await office(t.repos);
  await signInAs(t.repos, users.clerk);
  const caseId = await createCase(t.repos);
  const list: TestCreditor[] = Array.from({ length: N }, (_, i) => ({ name: `参与人${i + 1}`, netClaimFen: 10_000 + i, status: i < 1_000 ? '已核实' : '待核实' }));
  await importCreditors(t.repos, caseId, list);
  await signInAs(t.repos, users.reviewer);
  const loaded = await t.repos.creditors.loadColumns(caseId);
  if (!loaded) throw new Error('no register');
  return { ...t, users, caseId, loaded };
}

function basisOf(loaded: LoadedRegister, seqs: readonly number[] = loaded.seqs): VerificationBasis {
  return { generation: loaded.generation, ...(loaded.updatedAt ? { updatedAt: loaded.updatedAt } : {}), seqs };
}

const allCids = (loaded: LoadedRegister) => Array.from({ length: loaded.columns.count }, (_, i) => entryOf(loaded.columns.cids, i));

async function storedState(t: Awaited<ReturnType<typeof setup>>) {
  return { register: await t.db.creditorRegisters.get(t.caseId), blocks: await t.db.creditorBlocks.where('caseId').equals(t.caseId).sortBy('seq') };
}

describe('bulk verification of a register held by the page', () => {
  it('stores every status, writes only the blocks that change, keeps the totals, and the page updated in place equals the register read again', async () => {
    const t = await setup();
    const before = await t.db.creditorRegisters.get(t.caseId);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const put = vi.spyOn(t.db.creditorBlocks, 'bulkPut');
    // Block 0 is verified already: 已核实 for everyone rewrites blocks 1 and 2 only.
    const result = await t.repos.creditors.setVerification(t.caseId, allCids(t.loaded), { status: '已核实' }, basisOf(t.loaded));
    expect(result).toMatchObject({ ok: true, changed: N, applied: { current: true, generation: t.loaded.generation } });
    expect(put).toHaveBeenCalledTimes(1);
    expect((put.mock.calls[0]?.[0] ?? []).map((b) => b.seq)).toEqual([1, 2]);
    put.mockRestore();

    const stored = await t.repos.creditors.loadCase(t.caseId);
    expect(stored.every((c) => c.status === '已核实')).toBe(true);
    // Block 0's creditors stay as imported (verified in the file); the rest name 李审核 and when.
    expect(stored.slice(0, 1_000).every((c) => c.review === undefined)).toBe(true);
    expect(stored.slice(1_000).every((c) => c.review?.verifiedBy?.name === '李审核' && c.review.verifiedBy.at === '2026-11-26T01:01:00.000Z')).toBe(true);
    const after = await t.db.creditorRegisters.get(t.caseId);
    expect(after?.totals).toEqual(before?.totals);
    expect(after?.totals).toEqual(registerTotals(stored));
    expect(after?.updatedAt).not.toBe(before?.updatedAt);
    if (!result.ok || !result.applied) throw new Error('not applied');
    expect(result.applied.updatedAt).toBe(after?.updatedAt);

    const inPlace = withVerification(
      t.loaded.columns,
      result.applied.creditors.map((c) => [Number(c.cid) - 1, c] as const),
    );
    const reread = await t.repos.creditors.loadColumns(t.caseId);
    expect(reread?.columns).toEqual(inPlace);
    expect(reread?.updatedAt).toBe(result.applied.updatedAt);

    // One audit entry for the action, as before: counts by status and every cid as a run.
    const entry = (await t.repos.audit.page(0, 10_000)).find((e) => e.action === 'update' && e.entity === 'creditors');
    expect(entry).toMatchObject({ operator: '李审核', entityId: t.caseId, before: { count: N, statuses: { 已核实: 1_000, 待核实: 1_500 } }, after: { status: '已核实', count: N, cids: `1-${N}` } });
    expect((await t.repos.audit.verify()).problems).toEqual([]);
  });

  it('存疑 with a reason, then an exclusion, show on the page exactly as stored', async () => {
    const t = await setup();
    const some = allCids(t.loaded).filter((_, i) => i % 7 === 0);
    const doubt = await t.repos.creditors.setVerification(t.caseId, some, { status: '存疑', note: '合同原件待核对' }, basisOf(t.loaded));
    if (!doubt.ok || !doubt.applied) throw new Error('not applied');
    const page1 = { ...t.loaded, updatedAt: doubt.applied.updatedAt, columns: withVerification(t.loaded.columns, doubt.applied.creditors.map((c) => [Number(c.cid) - 1, c] as const)) };
    expect(registerRow(page1.columns, 7)).toMatchObject({ status: '存疑', statusNote: '合同原件待核对' });
    const excluded = await t.repos.creditors.setVerification(t.caseId, some.slice(0, 10), { exclusion: 'employee' }, basisOf(page1));
    if (!excluded.ok || !excluded.applied) throw new Error('not applied');
    expect(excluded.applied.current).toBe(true);
    const page2 = withVerification(page1.columns, excluded.applied.creditors.map((c) => [Number(c.cid) - 1, c] as const));
    expect(registerRow(page2, 7)).toMatchObject({ status: '存疑', statusNote: '合同原件待核对', exclusion: 'employee' });
    expect((await t.repos.creditors.loadColumns(t.caseId))?.columns).toEqual(page2);
  });

  it('finds creditors outside the blocks the page named, and says when the page held an older register', async () => {
    const t = await setup();
    // Someone else verifies one creditor a minute later: the page's register is no longer the stored one.
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const other = await t.repos.creditors.setVerification(t.caseId, ['2000'], { status: '存疑', note: '另一窗口' });
    expect(other).toEqual({ ok: true, changed: 1 });
    const result = await t.repos.creditors.setVerification(t.caseId, ['1500', '2400'], { status: '已核实' }, basisOf(t.loaded, [0]));
    expect(result).toMatchObject({ ok: true, changed: 2, applied: { current: false } });
    const stored = await t.repos.creditors.loadCase(t.caseId);
    expect([stored[1_499]?.status, stored[2_399]?.status, stored[1_999]?.status]).toEqual(['已核实', '已核实', '存疑']);
  });

  it('a refused verification (role, a creditor no longer in the register, four eyes) changes nothing', async () => {
    const t = await setup();
    const untouched = await storedState(t);
    const cids = allCids(t.loaded);

    await signInAs(t.repos, t.users.clerk);
    const role = await t.repos.creditors.setVerification(t.caseId, cids, { status: '已核实' }, basisOf(t.loaded));
    expect(role).toEqual({ ok: false, message: expect.stringContaining('审核') });
    expect(await storedState(t)).toEqual(untouched);

    await signInAs(t.repos, t.users.reviewer);
    const stale = await t.repos.creditors.setVerification(t.caseId, [...cids, '99999'], { status: '已核实' }, basisOf(t.loaded));
    expect(stale).toEqual({ ok: false, message: '有 1 名参与人已不在本案名单中（可能已被新的导入替换），请刷新名单后重试。' });
    expect(await storedState(t)).toEqual(untouched);

    // 赵经办 (经办 and 审核) changes an account of a verified creditor; a bulk 已核实 by them is refused whole.
    await signInAs(t.repos, t.users.clerk2);
    const c = (await t.repos.creditors.loadCase(t.caseId))[3] as StoredCreditor;
    const { draftFromCreditor } = await import('../../../renderer/src/ui/pages/creditors/creditor-draft-from-record');
    expect((await t.repos.creditors.save(t.caseId, c.cid, { ...draftFromCreditor(c), bankAccount: '6222020200112299999' })).ok).toBe(true);
    const edited = await storedState(t);
    const reloaded = await t.repos.creditors.loadColumns(t.caseId);
    if (!reloaded) throw new Error('no register');
    const fourEyes = await t.repos.creditors.setVerification(t.caseId, cids, { status: '已核实' }, basisOf(reloaded));
    expect(fourEyes).toEqual({ ok: false, message: expect.stringMatching(/本次核实未作任何改动。$/) });
    expect(await storedState(t)).toEqual(edited);
    expect((await refusals(t.repos)).length).toBe(2);
  });

  it('withVerification leaves the given register as it was and refuses a row outside it', () => {
    const row = (cid: string): StoredCreditor => ({
      cid,
      name: `甲${cid}`,
      idType: 'resident',
      idNumber: '110105196001010011',
      contracts: [],
      principalFen: 1,
      returnedFen: 0,
      netClaimFen: 1,
      status: '存疑',
      statusNote: '待核对',
      exclusion: null,
    });
    const r = columnarRegister([row('1'), row('2')]);
    const next = withVerification(r, [[1, { status: '已核实', exclusion: 'agent' }]]);
    expect(registerRow(r, 1)).toMatchObject({ status: '存疑', statusNote: '待核对', exclusion: null });
    expect(registerRow(next, 1)).toMatchObject({ status: '已核实', exclusion: 'agent' });
    expect(registerRow(next, 1).statusNote).toBeUndefined();
    expect(next.names).toBe(r.names);
    expect(() => withVerification(r, [[2, { status: '已核实', exclusion: null }]])).toThrow(RangeError);
  });
});

