// Issue 12, "Tampering the audit chain must catch": edits made straight in IndexedDB, around the app.
import { describe, expect, it } from 'vitest';
import { type CaseDraft, emptyCaseDraft } from '../../../renderer/src/core/cases/case-draft';
import type { Creditor } from '../../../renderer/src/core/creditors';
import { residentIdCheckChar } from '../../../renderer/src/core/identity';
import { keepAuditAnchor } from '../../../renderer/src/db/audit-anchor';
import { backupDatabase } from '../../../renderer/src/db/backup/auto-backup';
import { recordRestoreInAudit } from '../../../renderer/src/db/backup/restore-audit';
import { inspectForRestore } from '../../../renderer/src/db/backup/restore-backup';
import type { WorkstationDb } from '../../../renderer/src/db/database';
import type { StoreRecordPort } from '../../../renderer/src/platform/bridge';
import { handleFor, MemoryBackups } from './backup-test-bridge';
import { makeTestRepos } from './test-db';

class MemoryPort implements StoreRecordPort {
  readonly where = '测试';
  text: string | null = null;
  async read() {
    return this.text;
  }
  async write(text: string) {
    this.text = text;
  }
}

function caseDraft(patch: Partial<CaseDraft> = {}): CaseDraft {
  return {
    ...emptyCaseDraft('2020-12-01'),
    caseNumber: '威公经立〔2020〕15号',
    title: '威海某某养老服务有限公司涉嫌非法吸收公众存款案',
    charge: '非法吸收公众存款',
    sector: '养老',
    district: '环翠区',
    leadUnit: '威海市公安局经侦支队',
    officers: '王喆',
    amountInvolvedYuan: '13,800万',
    peopleInvolved: '1600',
    filedDate: '2020-06-01',
    stage: '立案',
    stageDate: '2020-06-01',
    parties: [{ kind: 'firm', name: '威海某某养老服务有限公司', role: '涉案企业', idNumber: '91371000MA3C0000AL', note: '' }],
    ...patch,
  };
}

/** An app with its anchor kept in memory, and one case written (and edited) through the repositories. */
async function office() {
  const t = makeTestRepos();
  const port = new MemoryPort();
  const keeper = keepAuditAnchor(t.db, port);
  const created = await t.repos.cases.create(caseDraft(), ['环翠区']);
  if (!created.ok) throw new Error('case not created');
  await t.repos.cases.update(created.caseId, caseDraft({ officers: '王喆、李堃' }), ['环翠区']);
  await t.repos.cases.changeStage(created.caseId, '侦查', '2020-07-01', '');
  await keeper.settled();
  return { ...t, port, keeper, caseId: created.caseId };
}

/** Writes straight into IndexedDB, as someone with the browser's devtools or a SQLite-style editor would. */
function rawEdit(db: WorkstationDb, store: string, edit: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db.name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction([store], 'readwrite');
      edit(tx.objectStore(store));
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const rawPut = (db: WorkstationDb, store: string, row: unknown) => rawEdit(db, store, (s) => s.put(row));

describe('verifying the audit log against edits made outside the app', () => {
  it('finds nothing wrong after ordinary work in the app (create, edit, stage change)', async () => {
    const { repos, port } = await office();
    const v = await repos.audit.verify();
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checkedRecords).toBe(1);
    expect(JSON.parse(port.text ?? '{}')).toMatchObject({ seq: 3 });
  });

  it('names the case and field whose title was changed directly in IndexedDB', async () => {
    const { db, repos, caseId } = await office();
    const row = await db.cases.get(caseId);
    await rawPut(db, 'cases', { ...row, title: '某某公司（已结案，无需清退）' });
    const v = await repos.audit.verify();
    expect(v.chain.ok).toBe(true);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual(['案件 威公经立〔2020〕15号 的 案件名称 与审计记录不符（第 3 条审计记录之后在本应用之外被改动）。']);
  });

  it('names a party removed and a case deleted outside the app', async () => {
    const { db, repos, caseId } = await office();
    const party = await db.parties.where('caseId').equals(caseId).first();
    await rawEdit(db, 'parties', (s) => s.delete(party?.id ?? ''));
    expect((await repos.audit.verify()).problems).toEqual([expect.stringContaining('案件 威公经立〔2020〕15号 的 涉案主体 与审计记录不符')]);
    await rawEdit(db, 'cases', (s) => s.delete(caseId));
    expect((await repos.audit.verify()).problems).toEqual([expect.stringContaining(`案件 ${caseId} 已不存在，但审计日志中没有删除记录`)]);
  });

  it('reports the newest entries deleted as a truncated chain, though what is left still chains', async () => {
    const { db, repos } = await office();
    await rawEdit(db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(2)));
    const v = await repos.audit.verify();
    expect(v.chain.ok).toBe(true);
    expect(v.anchor?.status).toBe('truncated');
    expect(v.problems[0]).toBe('审计链被截断：锚点记录审计链止于第 3 条，现在只到第 1 条，最新的 2 条审计记录被删除。请从备份恢复。');
  });

  it('reports a cleared audit store, and the next write does not make a fresh chain the one of record', async () => {
    const { db, repos, port, keeper } = await office();
    const anchorBefore = port.text;
    await rawEdit(db, 'audit', (s) => s.clear());
    expect((await repos.audit.verify()).problems[0]).toContain('审计日志已被清空：锚点记录审计链止于第 3 条');
    // The app goes on writing: entry 1 of a new chain.
    await repos.cases.create(caseDraft({ caseNumber: '威公经立〔2021〕1号' }), ['环翠区']);
    await repos.cases.create(caseDraft({ caseNumber: '威公经立〔2021〕2号' }), ['环翠区']);
    await repos.cases.create(caseDraft({ caseNumber: '威公经立〔2021〕3号' }), ['环翠区']);
    await repos.cases.create(caseDraft({ caseNumber: '威公经立〔2021〕4号' }), ['环翠区']);
    await keeper.settled();
    expect(port.text).toBe(anchorBefore);
    const v = await repos.audit.verify();
    expect(v.chain.ok).toBe(true);
    expect(v.anchor?.status).toBe('restarted');
    expect(v.problems[0]).toContain('审计链被重新开始：第 1 条审计记录与锚点记录的不是同一条（原链止于第 3 条）');
    expect(port.text).toBe(anchorBefore);
  });

  it('says when the anchor is missing, then keeps it again; an anchor that disagrees is named', async () => {
    const { repos, port, keeper } = await office();
    const kept = port.text;
    port.text = null;
    const missing = await repos.audit.verify();
    expect(missing.anchor?.status).toBe('missing');
    expect(missing.problems[0]).toContain('未找到审计链锚点');
    const { at: _keptAt, ...keptHead } = JSON.parse(kept ?? '{}');
    expect(JSON.parse(port.text ?? '{}')).toMatchObject(keptHead); // written again for the chain as it is
    expect((await repos.audit.verify()).ok).toBe(true);

    port.text = JSON.stringify({ ...JSON.parse(kept ?? '{}'), hash: 'e'.repeat(64) });
    const wrong = await repos.audit.verify();
    expect(wrong.anchor?.status).toBe('rewritten');
    expect(wrong.problems[0]).toContain('第 3 条审计记录与锚点不符');
    await keeper.settled();
  });

  it('at start, follows a completed restore (recorded in the restored chain) and nothing else', async () => {
    const { db, repos, port, keeper } = await office();
    await rawEdit(db, 'audit', (s) => s.delete(3));
    const at = new Date(Date.now() + 60_000).toISOString();
    expect((await keeper.checkAtStart({ completedAt: at, auditSeq: 2 })).status).toBe('truncated'); // entry 2 is no restore
    await repos.audit.recordReveal(1); // stands in for the restore's entry: must say 'restore'
    expect((await keeper.checkAtStart({ completedAt: at, auditSeq: 3 })).status).toBe('rewritten');
    expect(JSON.parse(port.text ?? '{}').seq).toBe(3);
    // The restore's own entry: now the anchor follows the restored chain.
    const restored = await recordRestoreInAudit(db, { stagedAt: at, fileName: 'b.cfbak', backupCreatedAt: at, rowCounts: {} }, new Date());
    expect((await keeper.checkAtStart({ completedAt: at, auditSeq: restored.seq })).status).toBe('ok');
    expect(JSON.parse(port.text ?? '{}').seq).toBe(restored.seq);
  });
});

describe('creditor registers, checked block by block', () => {
  function residentId(n: number): string {
    const body = `110105198001${String(10 + (n % 18)).padStart(2, '0')}${String(100 + n)}`;
    return body + residentIdCheckChar(body);
  }
  const creditor = (n: number): Creditor => ({
    name: `参与人${n}`,
    idType: 'resident',
    idNumber: residentId(n),
    contracts: [{ principalFen: 100_000, returnedFen: 0, sourceRow: n + 2, note: '' }],
    principalFen: 100_000,
    returnedFen: 0,
    netClaimFen: 100_000,
    status: '待核实',
    exclusion: null,
  });

  it('finds nothing wrong after the register is replaced by a file, verified in bulk and edited in the app', async () => {
    const { repos, caseId } = await office();
    const first = await repos.creditors.planImport(caseId, [creditor(1), creditor(2), creditor(3)]);
    await repos.creditors.commitImport(first, { fileName: 'r.xls', fileHash: 'ab'.repeat(32), sheetName: 'S', dataRows: 3, okRows: 3, warningRows: 0, errorRows: 0 });
    const replacing = await repos.creditors.planImport(caseId, [creditor(1), creditor(4)], { mode: 'replace' });
    await repos.creditors.commitImport(replacing, { fileName: 'r.xlsx', fileHash: 'cd'.repeat(32), sheetName: 'S', dataRows: 2, okRows: 2, warningRows: 0, errorRows: 0 });
    const stored = await repos.creditors.loadCase(caseId);
    expect(stored).toHaveLength(2);
    const verified = await repos.creditors.setVerification(caseId, stored.map((c) => c.cid), { status: '存疑', note: '合同原件金额与名单不符' });
    expect(verified.ok).toBe(true);
    const v = await repos.audit.verify();
    expect(v.problems).toEqual([]);
    expect(v.checkedCreditors).toBe(2);
  });

  it('names a creditor amount changed, or a creditor removed, directly in the blocks', async () => {
    const { db, repos, caseId } = await office();
    const plan = await repos.creditors.planImport(caseId, [creditor(1), creditor(2), creditor(3)]);
    await repos.creditors.commitImport(plan, { fileName: 'r.xlsx', fileHash: 'ab'.repeat(32), sheetName: 'S', dataRows: 3, okRows: 3, warningRows: 0, errorRows: 0 });
    const ok = await repos.audit.verify();
    expect(ok.problems).toEqual([]);
    expect(ok.checkedCreditors).toBe(3);

    const block = await db.creditorBlocks.where('caseId').equals(caseId).first();
    if (!block) throw new Error('no block');
    const [first, ...rest] = block.creditors;
    if (!first) throw new Error('no creditor');
    await rawPut(db, 'creditorBlocks', { ...block, creditors: [{ ...first, principalFen: 9_900_000, netClaimFen: 9_900_000 }, ...rest] });
    expect((await repos.audit.verify()).problems).toEqual([
      '集资参与人名单 威公经立〔2020〕15号 的金额合计与名单记录不符：投资本金（记录 3,000.00 元，实为 101,000.00 元）；核定清退基数（记录 3,000.00 元，实为 101,000.00 元）。有人的金额在本应用之外被改动。',
    ]);
    await rawPut(db, 'creditorBlocks', { ...block, creditors: rest });
    expect((await repos.audit.verify()).problems[0]).toContain('集资参与人名单 威公经立〔2020〕15号 的 人数 与名单记录不符：记录为 3 人，实有 2 人');
  });

  it('names the register row itself edited (its count and totals made to match the blocks)', async () => {
    const { db, repos, caseId } = await office();
    const plan = await repos.creditors.planImport(caseId, [creditor(1), creditor(2)]);
    await repos.creditors.commitImport(plan, { fileName: 'r.xlsx', fileHash: 'cd'.repeat(32), sheetName: 'S', dataRows: 2, okRows: 2, warningRows: 0, errorRows: 0 });
    const register = await db.creditorRegisters.get(caseId);
    await rawPut(db, 'creditorRegisters', { ...register, nextCid: 1 });
    expect((await repos.audit.verify()).problems).toEqual([expect.stringContaining('集资参与人名单 威公经立〔2020〕15号 的 下一个参与人编号 与审计记录不符')]);
  });
});

describe('backups carry the anchor', () => {
  it('writes the anchor into the header, and a restore check names a backup of a truncated log', async () => {
    const { db, repos } = await office();
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    const good = await inspectForRestore(handleFor('a.cfbak', backups.get(made?.fileName ?? '')));
    expect(good.header.auditAnchor).toMatchObject({ seq: 3 });
    expect(good.auditChain.status).toBe('verified');

    await rawEdit(db, 'audit', (s) => s.delete(3));
    expect((await repos.audit.verify()).anchor?.status).toBe('truncated');
    const cut = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    const inspection = await inspectForRestore(handleFor('b.cfbak', backups.get(cut?.fileName ?? '')));
    expect(inspection.header.auditAnchor).toMatchObject({ seq: 3 });
    expect(inspection.auditChain).toMatchObject({
      status: 'broken',
      message: '备份中的审计链止于第 2 条，而备份时的锚点记录到第 3 条：备份前最新的 1 条审计记录已被删除。',
    });
  });
});
