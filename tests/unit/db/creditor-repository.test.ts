import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Creditor, checkCreditorFile } from '../../../renderer/src/core/creditors';
import { registerRow } from '../../../renderer/src/core/creditors/columnar-register';
import { convertLegacyResidentId, residentIdCheckChar } from '../../../renderer/src/core/identity';
import type { CreditorDraft } from '../../../renderer/src/db/repositories/creditor-draft';
import { type CreditorImportFile, planReleased, type StoredCreditor } from '../../../renderer/src/db/repositories/creditor-repository';
import { makeTestRepos } from './test-db';

/** A valid resident ID number n (born 1980-01-01 + n days, so 1,000s are distinct). */
function residentId(n: number): string {
  const d = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 900) * 86_400_000);
  const body = `110105${d.toISOString().slice(0, 10).replaceAll('-', '')}${String((n % 900) + 100)}`;
  return body + residentIdCheckChar(body);
}

function creditor(n: number, name = `参与人${n}`, principalFen = 100_000, returnedFen = 0): Creditor {
  return {
    name,
    idType: 'resident',
    idNumber: residentId(n),
    contracts: [{ principalFen, returnedFen, sourceRow: n + 2, note: '' }],
    principalFen,
    returnedFen,
    netClaimFen: Math.max(0, principalFen - returnedFen),
    status: '待核实',
    exclusion: null,
  };
}

const file = (name = 'register.xlsx', hash = 'ab'.repeat(32)): CreditorImportFile => ({
  fileName: name,
  fileHash: hash,
  sheetName: 'Sheet1',
  dataRows: 3,
  okRows: 3,
  warningRows: 0,
  errorRows: 0,
});

const draft = (patch: Partial<CreditorDraft> = {}): CreditorDraft => ({
  name: '王五',
  idType: '',
  idNumber: residentId(7),
  phone: '13800001111',
  address: '',
  bankName: '',
  bankAccount: '',
  status: '待核实',
  exclusion: null,
  contracts: [{ principal: '10,000.50', returned: '', note: '手工补录' }],
  ...patch,
});

async function importList(repos: ReturnType<typeof makeTestRepos>['repos'], caseId: string, list: Creditor[], f = file()) {
  const plan = await repos.creditors.planImport(caseId, list);
  const result = await repos.creditors.commitImport(plan, f);
  return { plan, result };
}

describe('CreditorRepository imports', () => {
  it('stores an import as one generation with stable cids, the pointer totals, the import record and an audit entry', async () => {
    const { repos, db } = makeTestRepos();
    const { result } = await importList(repos, 'case-1', [creditor(1), creditor(2, '李四', 500_000, 600_000), creditor(3)]);
    expect(result).toMatchObject({ ok: true, generation: 1 });
    const list = await repos.creditors.loadCase('case-1');
    expect(list.map((c) => [c.cid, c.name])).toEqual([
      ['1', '参与人1'],
      ['2', '李四'],
      ['3', '参与人3'],
    ]);
    expect(await repos.creditors.summary('case-1')).toMatchObject({
      count: 3,
      totals: { principalFen: 700_000, returnedFen: 600_000, netClaimFen: 200_000 },
    });
    expect(await repos.creditors.summary('other')).toBeNull();
    expect(await repos.creditors.importsWithHash('case-1', 'ab'.repeat(32))).toHaveLength(1);
    expect(await repos.creditors.importsWithHash('case-2', 'ab'.repeat(32))).toHaveLength(0);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', entity: 'creditors', entityId: 'case-1' });
    expect(audit[0]?.after).toMatchObject({ fileName: 'register.xlsx', fileHash: 'ab'.repeat(32), count: 3 });
    // The audit keeps the summary, not the people.
    expect(JSON.stringify(audit[0]?.after)).not.toContain('李四');
  });

  it('packs 1,000 creditors per record and keeps register order across blocks', async () => {
    const { repos, db } = makeTestRepos();
    const list = Array.from({ length: 2_500 }, (_, i) => creditor(i + 1));
    await importList(repos, 'case-1', list);
    const blocks = await db.creditorBlocks.toArray();
    expect(blocks.map((b) => b.creditors.length).sort()).toEqual([1000, 1000, 500]);
    const loaded = await repos.creditors.loadCase('case-1');
    expect(loaded).toHaveLength(2_500);
    expect(loaded[2_499]?.cid).toBe('2500');
    expect(loaded[1_000]?.name).toBe('参与人1001');
  });

  it('merges a second import: same ID and name adds contracts; same ID under another name is refused and reported', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1, '张三'), creditor(2, '李四')]);
    const second = [creditor(1, '张三', 200_000, 50_000), creditor(2, '李思', 300_000), creditor(9, '赵六')];
    const plan = await repos.creditors.planImport('case-1', second);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({ row: 4, status: 'error', code: 'ID_NAME_CONFLICT', column: '证件号码' });
    expect(plan.conflicts[0]?.message).toMatch(/第 4 行.*已登记为“李四”.*本行姓名为“李思”/);
    expect(plan).toMatchObject({ newCreditors: 1, mergedCreditors: 1, importedRows: 2 });
    const result = await repos.creditors.commitImport(plan, file('second.xlsx', 'cd'.repeat(32)));
    expect(result.ok).toBe(true);
    const list = await repos.creditors.loadCase('case-1');
    expect(list.map((c) => [c.cid, c.name, c.contracts.length, c.principalFen, c.netClaimFen])).toEqual([
      ['1', '张三', 2, 300_000, 250_000],
      ['2', '李四', 1, 100_000, 100_000],
      ['3', '赵六', 1, 100_000, 100_000],
    ]);
    expect((await repos.creditors.summary('case-1'))?.totals).toEqual({ principalFen: 500_000, returnedFen: 50_000, netClaimFen: 450_000 });
    // The replaced generation is gone; only the current one is stored.
    expect(new Set((await db.creditorBlocks.toArray()).map((b) => b.generation))).toEqual(new Set([2]));
  });

  it('a killed import (blocks written, pointer not flipped) leaves the case as it was, and its blocks are cleaned up', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    // What a crash between the block transactions and the pointer flip leaves behind.
    await db.creditorBlocks.bulkPut([
      { id: 'case-1#2#0', caseId: 'case-1', generation: 2, seq: 0, creditors: [{ ...creditor(5), cid: '2' }] },
      { id: 'case-9#1#0', caseId: 'case-9', generation: 1, seq: 0, creditors: [{ ...creditor(6), cid: '1' }] },
    ]);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人1']);
    expect(await repos.creditors.loadCase('case-9')).toEqual([]);
    expect(await repos.creditors.cleanupOrphans()).toBe(2);
    expect((await db.creditorBlocks.toArray()).map((b) => b.id)).toEqual(['case-1#1#0']);
    expect(await repos.creditors.cleanupOrphans()).toBe(0);
  });

  it('an import started after a crash cleans the orphans first and never reuses their generation', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    await db.creditorBlocks.put({ id: 'case-1#7#0', caseId: 'case-1', generation: 7, seq: 0, creditors: [] });
    const { result } = await importList(repos, 'case-1', [creditor(2)]);
    expect(result).toMatchObject({ ok: true, generation: 2 });
    expect((await db.creditorBlocks.toArray()).map((b) => b.id)).toEqual(['case-1#2#0']);
  });

  it('cancelling during the block writes stores nothing and leaves no blocks behind', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const plan = await repos.creditors.planImport('case-1', Array.from({ length: 25_000 }, (_, i) => creditor(i + 10)));
    const abort = new AbortController();
    const commit = repos.creditors.commitImport(plan, file('big.csv'), { onProgress: () => abort.abort(), signal: abort.signal });
    await expect(commit).rejects.toThrow();
    expect(await repos.creditors.loadCase('case-1')).toHaveLength(1);
    expect(await db.creditorBlocks.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    expect(await db.creditorImports.count()).toBe(1);
  });

  it('refuses to commit a plan made before the register changed, and stores nothing from it', async () => {
    const { repos, db } = makeTestRepos();
    const stale = await repos.creditors.planImport('case-1', [creditor(1)]);
    await importList(repos, 'case-1', [creditor(2)]);
    const result = await repos.creditors.commitImport(stale, file('late.xlsx'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/本次导入未生效/);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人2']);
    expect(await db.creditorBlocks.count()).toBe(1);
  });

  it('blocks written ahead of the commit stay invisible until it, and the commit then stores the same register', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const plan = await repos.creditors.planImport('case-1', Array.from({ length: 2_500 }, (_, i) => creditor(i + 10)));
    const written = await repos.creditors.writeImportBlocks(plan);
    expect(written).toMatchObject({ generation: 2, blocks: 3 });
    // Written, but the case still shows the register it had: nothing is imported before the click.
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人1']);
    expect(await db.creditorImports.count()).toBe(1);
    const result = await repos.creditors.commitImport(plan, file('ahead.xlsx'), {}, written);
    expect(result).toMatchObject({ ok: true, generation: 2 });
    const stored = await repos.creditors.loadCase('case-1');
    expect(stored).toHaveLength(2_501);
    expect(stored[2_500]).toMatchObject({ name: '参与人2509', cid: '2501' });
    expect((await db.creditorBlocks.toArray()).map((b) => b.generation)).toEqual([2, 2, 2]);
    expect(await db.creditorImports.count()).toBe(2);
  });

  it('a write ahead that lets the creditors go stores the same register, and refuses to write them a second time', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const list = Array.from({ length: 2_500 }, (_, i) => creditor(i + 10));
    const plan = await repos.creditors.planImport('case-1', list);
    const written = await repos.creditors.writeImportBlocks(plan, { release: true });
    // The worker's copies are gone; the count and totals stay with the plan.
    expect(() => plan.creditors.slice(0, 1)).toThrow(/released/);
    expect(planReleased(plan)).toBe(true);
    expect(await repos.creditors.commitImport(plan, file('ahead.xlsx'), {}, written)).toMatchObject({ ok: true, generation: 2 });
    const stored = await repos.creditors.loadCase('case-1');
    expect(stored).toHaveLength(2_501);
    expect(stored[2_500]).toMatchObject({ name: '参与人2509', cid: '2501' });
    expect((await repos.creditors.summary('case-1'))?.count).toBe(2_501);
    // Without its blocks such a plan cannot be stored again: the user is told to validate again.
    const other = await repos.creditors.planImport('case-1', [creditor(5_000)]);
    const ahead = await repos.creditors.writeImportBlocks(other, { release: true });
    await repos.creditors.discardImportBlocks(ahead);
    await expect(repos.creditors.commitImport(other, file('again.xlsx'))).rejects.toThrow(/重新点击“校验”/);
    expect(await repos.creditors.loadCase('case-1')).toHaveLength(2_501);
    expect((await db.creditorBlocks.toArray()).every((b) => b.generation === 2)).toBe(true);
  });

  it('a block that cannot be made while its transaction is being filled leaves no block of that write behind', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const plan = await repos.creditors.planImport('case-1', Array.from({ length: 2_500 }, (_, i) => creditor(i + 10)));
    // Blocks are made one by one as they are put: the third fails after two were put in the same transaction.
    const broken = {
      ...plan,
      creditors: {
        length: plan.creditors.length,
        release: (end: number) => plan.creditors.release(end),
        slice: (start: number, end: number) => {
          if (start >= 2_000) throw new Error('block could not be made');
          return plan.creditors.slice(start, end);
        },
      },
    };
    await expect(repos.creditors.writeImportBlocks(broken)).rejects.toThrow('block could not be made');
    expect((await db.creditorBlocks.toArray()).map((b) => b.generation)).toEqual([1]);
    expect(await repos.creditors.loadCase('case-1')).toHaveLength(1);
  });

  it('blocks written ahead and then discarded (another run, cancel) leave the case and the store as they were', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const plan = await repos.creditors.planImport('case-1', [creditor(2), creditor(3)]);
    const written = await repos.creditors.writeImportBlocks(plan);
    await repos.creditors.discardImportBlocks(written);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人1']);
    expect((await db.creditorBlocks.toArray()).map((b) => b.id)).toEqual(['case-1#1#0']);
    // Discarding a generation that was committed meanwhile never deletes the register.
    const again = await repos.creditors.writeImportBlocks(plan);
    await repos.creditors.commitImport(plan, file('second.xlsx'), {}, again);
    await repos.creditors.discardImportBlocks(again);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人1', '参与人2', '参与人3']);
  });

  it('blocks written ahead for a plan the register has outgrown are refused at commit, and the register is never deleted', async () => {
    const { repos, db } = makeTestRepos();
    const stale = await repos.creditors.planImport('case-1', [creditor(1)]);
    const written = await repos.creditors.writeImportBlocks(stale);
    await importList(repos, 'case-1', [creditor(2)]);
    const result = await repos.creditors.commitImport(stale, file('late.xlsx'), {}, written);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/本次导入未生效/);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人2']);
    expect(await db.creditorBlocks.count()).toBe(1);
  });

  it('a commit cancelled after the blocks were written ahead stores nothing', async () => {
    const { repos, db } = makeTestRepos();
    const plan = await repos.creditors.planImport('case-1', [creditor(1)]);
    const written = await repos.creditors.writeImportBlocks(plan);
    const abort = new AbortController();
    abort.abort();
    await expect(repos.creditors.commitImport(plan, file(), { signal: abort.signal }, written)).rejects.toThrow();
    expect(await repos.creditors.loadCase('case-1')).toEqual([]);
    expect(await db.creditorBlocks.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('stores the shared messy fixture exactly as the import core reads it', async () => {
    const { repos } = makeTestRepos();
    const bytes = new Uint8Array(readFileSync('../shared/fixtures/creditors/messy-register.xlsx'));
    const checked = await checkCreditorFile(bytes, 'messy-register.xlsx', { today: '2026-11-26' });
    const expectedNames = checked.creditors.map((c) => c.name);
    const { result } = await importList(repos, 'case-1', checked.creditors);
    expect(result.ok).toBe(true);
    const loaded = await repos.creditors.loadCase('case-1');
    expect(loaded.map((c) => c.name)).toEqual(expectedNames);
    expect((await repos.creditors.summary('case-1'))?.totals.netClaimFen).toBe(checked.totalNetClaimFen);
  });
});

describe('CreditorRepository hand edits', () => {
  it('adds one creditor validated like an import row, in fen, audited', async () => {
    const { repos, db } = makeTestRepos();
    const saved = await repos.creditors.save('case-1', null, draft());
    expect(saved).toMatchObject({ ok: true, cid: '1' });
    const [c] = await repos.creditors.loadCase('case-1');
    expect(c).toMatchObject({ cid: '1', name: '王五', principalFen: 1_000_050, netClaimFen: 1_000_050, phone: '13800001111' });
    expect(c?.contracts).toEqual([{ principalFen: 1_000_050, returnedFen: 0, sourceRow: 0, note: '手工补录' }]);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([['create', 'case-1/1']]);
  });

  it('refuses bad input with the field named in Chinese and stores nothing', async () => {
    const { repos, db } = makeTestRepos();
    const bad = await repos.creditors.save('case-1', null, draft({ name: ' ', idNumber: '110105198001010010', phone: '12345', contracts: [{ principal: '-5', returned: '1.234', note: '' }] }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.name).toMatch(/^姓名：.*为空/);
    expect(bad.errors.idNumber).toMatch(/^证件号码：/);
    expect(bad.errors.phone).toMatch(/^联系电话：/);
    expect(bad.errors['principal.0']).toMatch(/^投资金额：/);
    expect(bad.errors['returned.0']).toMatch(/^已获收益：/);
    const none = await repos.creditors.save('case-1', null, draft({ contracts: [] }));
    expect(none.ok ? null : none.errors.contracts).toMatch(/至少需要一笔投资记录/);
    const excel = await repos.creditors.save('case-1', null, draft({ idNumber: '3.71002E+17' }));
    expect(excel.ok ? null : excel.errors.idNumber).toMatch(/文本/);
    expect(await db.creditorBlocks.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    expect(await repos.creditors.summary('case-1')).toBeNull();
  });

  it('refuses an ID already registered to another creditor', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(7, '张三')]);
    const clash = await repos.creditors.save('case-1', null, draft());
    expect(clash.ok ? null : clash.errors.idNumber).toMatch(/已登记为“张三”.*添加投资记录/);
    expect(await repos.creditors.loadCase('case-1')).toHaveLength(1);
  });

  it('edits one creditor: only its block is rewritten, cid kept, totals and audit before/after updated', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', Array.from({ length: 1_500 }, (_, i) => creditor(i + 1)));
    const blocksBefore = await db.creditorBlocks.toArray();
    const target = (await repos.creditors.loadCase('case-1'))[1_200];
    expect(target?.cid).toBe('1201');
    const saved = await repos.creditors.save(
      'case-1',
      '1201',
      draft({
        name: '参与人1201',
        idNumber: residentId(9_999),
        status: '已核实',
        exclusion: 'employee',
        contracts: [
          { principal: '1000', returned: '', note: '', sourceRow: 1203 },
          { principal: '5万', returned: '60000', note: '第二份合同' },
        ],
      }),
    );
    expect(saved).toMatchObject({ ok: true, cid: '1201' });
    if (saved.ok) expect(saved.warnings.join()).toMatch(/超过投资本金/);
    const after = await repos.creditors.loadCase('case-1');
    expect(after).toHaveLength(1_500);
    expect(after[1_200]).toMatchObject({ cid: '1201', idNumber: residentId(9_999), status: '已核实', exclusion: 'employee', principalFen: 5_100_000, returnedFen: 6_000_000, netClaimFen: 0 });
    const blocksAfter = await db.creditorBlocks.toArray();
    expect(blocksAfter.find((b) => b.seq === 0)).toEqual(blocksBefore.find((b) => b.seq === 0));
    expect((await repos.creditors.summary('case-1'))?.totals.principalFen).toBe(1_499 * 100_000 + 5_100_000);
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'update', entityId: 'case-1/1201' });
    expect(last?.before).toMatchObject({ idNumber: residentId(1201) });
    expect(last?.after).toMatchObject({ idNumber: residentId(9_999) });
  });

  it('new creditors get new cids even after an import (cids are never reused)', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1), creditor(2)]);
    const saved = await repos.creditors.save('case-1', null, draft());
    expect(saved).toMatchObject({ ok: true, cid: '3' });
    const { plan } = await importList(repos, 'case-1', [creditor(3)], file('x.csv'));
    expect(plan.creditors.slice(0, plan.creditors.length).map((c) => c.cid)).toEqual(['1', '2', '3', '4']);
  });

  it('reveals and exports are audited with the file name and hash', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const [c] = await repos.creditors.loadCase('case-1');
    if (!c) throw new Error('no creditor');
    await repos.creditors.recordReveal('case-1', c);
    await repos.creditors.recordExport('case-1', 'public', '公示名单.xlsx', 'ef'.repeat(32), 1);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.slice(1).map((e) => [e.action, e.entityId])).toEqual([
      ['reveal', 'case-1/1'],
      ['export', 'case-1'],
    ]);
    expect(entries[2]?.after).toMatchObject({ kind: 'public', fileName: '公示名单.xlsx', fileHash: 'ef'.repeat(32), personalData: false });
  });
});

describe('CreditorRepository reading and integrity', () => {
  it('hands over the first block for the first screen, then the whole register by columns', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', Array.from({ length: 2_100 }, (_, i) => creditor(i + 1)));
    const firsts: number[] = [];
    const all = await repos.creditors.loadColumns('case-1', (first, summary) => {
      firsts.push(first.columns.count);
      expect(summary.count).toBe(2_100);
    });
    expect(firsts).toEqual([1_000]);
    expect(all?.columns.count).toBe(2_100);
    // Every row out equals the stored creditor, and its full record is read back from its block.
    const stored = await repos.creditors.loadCase('case-1');
    if (!all) throw new Error('no register');
    for (const i of [0, 999, 1_000, 2_099]) {
      const c = stored[i] as StoredCreditor;
      expect(registerRow(all.columns, i)).toMatchObject({ cid: c.cid, name: c.name, idNumber: c.idNumber, netClaimFen: c.netClaimFen, contractCount: c.contracts.length });
      expect(await repos.creditors.creditorAt(all, i)).toEqual(c);
    }
    expect(await repos.creditors.creditorAt(all, 2_100)).toBeNull();
    // A register that fits one block is simply loaded; a case without one is null.
    await importList(repos, 'case-2', [creditor(1)]);
    const none: number[] = [];
    const single = await repos.creditors.loadColumns('case-2', (f) => none.push(f.columns.count));
    expect(single?.columns.count).toBe(1);
    expect(none).toEqual([]);
    if (!single) throw new Error('no register');
    expect(await repos.creditors.creditorAt(single, 0)).toEqual((await repos.creditors.loadCase('case-2'))[0]);
    expect(await repos.creditors.loadColumns('case-none')).toBeNull();
  });

  it('right after an import, shows the first screen at once and reads the rest only once the import worker is gone', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', Array.from({ length: 2_100 }, (_, i) => creditor(i + 1)));
    let workerGone = () => {};
    const ending = new Promise<void>((resolve) => {
      workerGone = resolve;
    });
    const firsts: number[] = [];
    let whole: number | null = null;
    const loading = repos.creditors
      .loadColumns('case-1', (first) => firsts.push(first.columns.count), ending)
      .then((r) => {
        whole = r?.columns.count ?? -1;
        return r;
      });
    for (let i = 0; i < 50 && firsts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(firsts).toEqual([1_000]);
    await new Promise((r) => setTimeout(r, 50));
    expect(whole).toBeNull();
    workerGone();
    expect((await loading)?.columns.count).toBe(2_100);
    // A worker that ended with an error still lets the register load.
    const failed = Promise.reject(new Error('worker crashed'));
    failed.catch(() => undefined);
    expect((await repos.creditors.loadColumns('case-1', () => {}, failed))?.columns.count).toBe(2_100);
  });

  it('reads no record for a row loaded before the register was replaced', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1), creditor(2)]);
    const before = await repos.creditors.loadColumns('case-1');
    if (!before) throw new Error('no register');
    const plan = await repos.creditors.planImport('case-1', [creditor(3)], { mode: 'replace' });
    expect((await repos.creditors.commitImport(plan, file())).ok).toBe(true);
    expect(await repos.creditors.creditorAt(before, 0)).toBeNull();
  });

  it('does not flip the pointer when a block of the new generation is missing', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1)]);
    const plan = await repos.creditors.planImport('case-1', Array.from({ length: 2_500 }, (_, i) => creditor(i + 10)));
    const result = await repos.creditors.commitImport(plan, file('lossy.xlsx'), {
      // Something removes a written block before the flip (a disk error, another window).
      onProgress: () => void db.creditorBlocks.delete('case-1#2#1'),
    });
    expect(result.ok).toBe(false);
    expect((await repos.creditors.loadCase('case-1')).map((c) => c.name)).toEqual(['参与人1']);
    expect(await db.creditorBlocks.count()).toBe(1);
    expect(await db.creditorImports.count()).toBe(1);
  });

  it('converts a hand-typed 15-digit ID and keeps a credit code for an institution', async () => {
    const { repos } = makeTestRepos();
    const legacy = await repos.creditors.save('case-1', null, draft({ name: '罗兰', idNumber: '371002800101018' }));
    expect(legacy.ok).toBe(true);
    if (legacy.ok) expect(legacy.warnings.join()).toMatch(/15 位/);
    const firm = await repos.creditors.save('case-1', null, draft({ name: '威海某某贸易有限公司', idType: '统一社会信用代码', idNumber: '91371000MA3C0000AL', phone: '0631-5200000' }));
    expect(firm.ok).toBe(true);
    const list = await repos.creditors.loadCase('case-1');
    expect(list.map((c) => [c.idType, c.idNumber])).toEqual([
      ['resident15', convertLegacyResidentId('371002800101018')],
      ['org', '91371000MA3C0000AL'],
    ]);
  });
});

describe('the same register imported again as another file', () => {
  it('skips contracts the register already has, keeps the totals, and says which rows', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1, '张三', 200_000, 5_000), creditor(2, '李四')]);
    const before = await repos.creditors.summary('case-1');
    // The .xlsx of the same list, plus one new person and one new contract of 张三.
    const again = [creditor(1, '张三', 200_000, 5_000), creditor(2, '李四'), creditor(3, '王五')];
    const plan = await repos.creditors.planImport('case-1', again);
    expect(plan.repeats.map((r) => [r.row, r.code, r.status])).toEqual([
      [3, 'REPEATED_CONTRACT', 'warning'],
      [4, 'REPEATED_CONTRACT', 'warning'],
    ]);
    expect(plan.repeats[0]?.message).toMatch(/^第 3 行：“张三”.*本次跳过/);
    expect(plan).toMatchObject({ newCreditors: 1, mergedCreditors: 0, importedRows: 1, repeatsAdded: false });
    expect((await repos.creditors.commitImport(plan, file('register.xlsx', 'cd'.repeat(32)))).ok).toBe(true);
    const list = await repos.creditors.loadCase('case-1');
    expect(list.map((c) => [c.name, c.contracts.length])).toEqual([
      ['张三', 1],
      ['李四', 1],
      ['王五', 1],
    ]);
    expect((await repos.creditors.summary('case-1'))?.totals.principalFen).toBe((before?.totals.principalFen ?? 0) + 100_000);
    const imports = await repos.creditors.listImports('case-1');
    expect(imports[1]?.summary).toMatchObject({ repeatedRows: 2, repeatsAdded: false });
  });

  it('adds the repeated contracts when the user chooses so', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1, '张三', 200_000)]);
    const plan = await repos.creditors.planImport('case-1', [creditor(1, '张三', 200_000)], { addRepeats: true });
    expect(plan).toMatchObject({ importedRows: 1, mergedCreditors: 1, repeatsAdded: true });
    expect(plan.repeats[0]?.message).toMatch(/再次计入/);
    await repos.creditors.commitImport(plan, file('b.xlsx', 'cd'.repeat(32)));
    expect((await repos.creditors.loadCase('case-1'))[0]).toMatchObject({ principalFen: 400_000, contracts: [{}, {}] });
  });

  it('replaces the register with the file: same people keep their cid, others go, one audited import', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, 'case-1', [creditor(1, '张三'), creditor(2, '李四'), creditor(3, '王五')]);
    const plan = await repos.creditors.planImport('case-1', [creditor(2, '李四', 300_000), creditor(4, '赵六')], { mode: 'replace' });
    expect(plan).toMatchObject({ mode: 'replace', newCreditors: 1, mergedCreditors: 1, removedCreditors: 2, importedRows: 2, conflicts: [], repeats: [] });
    expect((await repos.creditors.commitImport(plan, file('fixed.xlsx', 'ef'.repeat(32)))).ok).toBe(true);
    const list = await repos.creditors.loadCase('case-1');
    expect(list.map((c) => [c.cid, c.name, c.principalFen])).toEqual([
      ['2', '李四', 300_000],
      ['4', '赵六', 100_000],
    ]);
    expect((await repos.creditors.summary('case-1'))?.totals.principalFen).toBe(400_000);
    const audit = (await db.audit.toArray()).filter((e) => e.action === 'import');
    expect(audit).toHaveLength(2);
    expect(audit[1]?.after).toMatchObject({ what: 'replace-register', fileName: 'fixed.xlsx', summary: { mode: 'replace', removedCreditors: 2 } });
  });
});
