import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { isPermissionDenied } from '../../../renderer/src/db/access';
import type { StoredCreditor } from '../../../renderer/src/db/repositories/creditor-types';
import { draftFromCreditor } from '../../../renderer/src/ui/pages/creditors/creditor-draft-from-record';
import { batchDraft, createCase, creditor, importCreditors } from './repayment-test-data';
import { makeUserRepos, office, refusals, signInAs } from './users-test-data';

// Every forbidden path of issue 18 tried through the repositories directly, as a script in the
// console could: each is refused with the reason in Chinese, changes nothing, and leaves a 'refuse'
// entry in the audit log naming the user who tried.

async function setup() {
  const t = makeUserRepos();
  const users = await office(t.repos);
  await signInAs(t.repos, users.clerk);
  const caseId = await createCase(t.repos);
  await importCreditors(t.repos, caseId, [
    { name: '王喆', netClaimFen: 600_000, status: '已核实' },
    { name: '李堃', netClaimFen: 300_000, status: '已核实' },
    { name: '赵赟', netClaimFen: 100_000, status: '已核实' },
  ]);
  const fund = await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '10,000', date: '2026-11-01', note: '' });
  if (!fund.ok) throw new Error(JSON.stringify(fund.errors));
  const batch = await t.repos.repayment.createBatch(caseId, batchDraft('5000'));
  if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
  return { ...t, users, caseId, batchId: batch.id };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function creditorNamed(t: Setup, name: string): Promise<StoredCreditor> {
  const c = (await t.repos.creditors.loadCase(t.caseId)).find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
}

async function changeAccount(t: Setup, name: string, account: string) {
  const c = await creditorNamed(t, name);
  return t.repos.creditors.save(t.caseId, c.cid, { ...draftFromCreditor(c), bankAccount: account });
}

describe('a batch is approved by a 审批 user who did not compute it', () => {
  it('refuses the one who computed it, even holding 审批 too, and audits the refusal', async () => {
    const t = await setup();
    // 张经办 computed it; 管理员 gives them 审批 as well: still refused for this batch.
    await signInAs(t.repos, t.users.admin);
    expect(await t.repos.users.setRoles(t.users.clerk, ['clerk', 'approver'])).toEqual({ ok: true });
    await signInAs(t.repos, t.users.clerk);
    const refused = await t.repos.repayment.approve(t.batchId);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^第 1 批由你（张经办）计算，须由另一位具有“审批”角色的用户审批/) });
    expect((await t.repos.repayment.getBatch(t.batchId))?.status).toBe('draft');
    const [entry] = await refusals(t.repos);
    expect(entry).toMatchObject({ operator: '张经办', userId: t.users.clerk, entity: 'repaymentBatches', entityId: t.batchId });

    // A name typed as the "approver" changes nothing once users exist.
    expect((await t.repos.repayment.approve(t.batchId, '王审批')).ok).toBe(false);

    await signInAs(t.repos, t.users.approver);
    expect(await t.repos.repayment.approve(t.batchId)).toEqual({ ok: true });
    expect(await t.repos.repayment.getBatch(t.batchId)).toMatchObject({
      status: 'approved',
      approvedBy: '王审批',
      approver: { id: t.users.approver, name: '王审批' },
      computedBy: [{ id: t.users.clerk, name: '张经办' }],
    });
  });

  it('refuses users without the 审批 role, and whoever recomputed the batch', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.reviewer);
    expect(await t.repos.repayment.approve(t.batchId)).toMatchObject({ ok: false, message: expect.stringContaining('你的角色（审核）不能审批清退批次') });
    await signInAs(t.repos, t.users.admin);
    await t.repos.users.setRoles(t.users.approver, ['approver', 'clerk']);
    await signInAs(t.repos, t.users.approver);
    expect((await t.repos.repayment.recomputeBatch(t.batchId, batchDraft('4000'))).ok).toBe(true);
    expect(await t.repos.repayment.approve(t.batchId)).toMatchObject({ ok: false, message: expect.stringContaining('由你（王审批）计算') });
    expect(await refusals(t.repos)).toHaveLength(2);
  });

  it('lets a declared small office approve its own batch, and says so on the batch and in the audit', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.admin);
    await t.repos.users.setRoles(t.users.clerk, ['clerk', 'approver']);
    // The relaxation alone is not enough: the office must also say it is small.
    await t.repos.users.savePolicy({ smallOffice: false, selfApproval: true, selfReverification: false, approverRecordsPayments: false });
    await signInAs(t.repos, t.users.clerk);
    expect((await t.repos.repayment.approve(t.batchId)).ok).toBe(false);
    await signInAs(t.repos, t.users.admin);
    await t.repos.users.savePolicy({ smallOffice: true, selfApproval: true, selfReverification: false, approverRecordsPayments: false });
    await signInAs(t.repos, t.users.clerk);
    expect(await t.repos.repayment.approve(t.batchId)).toEqual({ ok: true });
    const row = await t.repos.repayment.getBatch(t.batchId);
    expect(row?.relaxations).toEqual([{ relaxation: 'selfApproval', by: { id: t.users.clerk, name: '张经办' }, at: expect.any(String) }]);
    const approval = (await t.repos.audit.page(0, 50)).find((e) => e.action === 'approve');
    expect(approval?.after).toMatchObject({ relaxed: '计算人本人审批（小型办公室）' });
    const policyChange = (await t.repos.audit.page(0, 50)).find((e) => e.entityId === 'access');
    expect(policyChange).toMatchObject({ operator: '林淼', action: 'settings' });
  });
});

describe('a verified creditor whose account or net claim changes goes back to 待核实', () => {
  it('sends the creditor back, refuses verification by the one who changed it, and accepts another reviewer', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.clerk2); // 赵经办 holds 经办 and 审核
    const saved = await changeAccount(t, '王喆', '6222020200199999999');
    expect(saved).toMatchObject({ ok: true, warnings: [expect.stringContaining('已改为“待核实”')] });
    const changed = await creditorNamed(t, '王喆');
    expect(changed.status).toBe('待核实');
    expect(changed.review?.pendingChange).toMatchObject({ changedBy: [{ id: t.users.clerk2, name: '赵经办' }], fields: ['bankAccount'] });

    // Verifying one's own change: through the edit form and through the verification action.
    const own = await t.repos.creditors.save(t.caseId, changed.cid, { ...draftFromCreditor(changed), status: '已核实' });
    expect(!own.ok && own.errors.status).toMatch(/^核实状态：王喆：银行账号已由赵经办在核实后修改，须由修改人以外的人重新核实/);
    const bulk = await t.repos.creditors.setVerification(t.caseId, [changed.cid], { status: '已核实', exclusion: null });
    expect(bulk).toMatchObject({ ok: false, message: expect.stringContaining('须由修改人以外的人重新核实') });
    expect((await creditorNamed(t, '王喆')).status).toBe('待核实');
    expect(await refusals(t.repos)).toHaveLength(2);

    await signInAs(t.repos, t.users.reviewer);
    expect(await t.repos.creditors.setVerification(t.caseId, [changed.cid], { status: '已核实', exclusion: null })).toEqual({ ok: true, changed: 1 });
    const verified = await creditorNamed(t, '王喆');
    expect(verified.status).toBe('已核实');
    expect(verified.review).toEqual({ verifiedBy: { id: t.users.reviewer, name: '李审核', at: expect.any(String) } });
  });

  it('treats a net claim changed by an import as a change by the importing user', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.clerk2);
    await importCreditors(t.repos, t.caseId, [{ name: '王喆', netClaimFen: 50_000 }]);
    const merged = await creditorNamed(t, '王喆');
    expect(merged).toMatchObject({ status: '待核实', netClaimFen: 650_000 });
    expect(merged.review?.pendingChange).toMatchObject({ changedBy: [{ name: '赵经办' }], fields: ['netClaim'] });
    expect((await t.repos.creditors.setVerification(t.caseId, [merged.cid], { status: '已核实', exclusion: null })).ok).toBe(false);
  });

  it('bulk decisions: 存疑 needs a reason, an exclusion keeps each status, one audit entry names every cid', async () => {
    const t = await setup();
    const all = (await t.repos.creditors.loadCase(t.caseId)).map((c) => c.cid);
    await signInAs(t.repos, t.users.reviewer);
    expect(await t.repos.creditors.setVerification(t.caseId, all, { status: '存疑', note: '  ' })).toEqual({ ok: false, message: expect.stringMatching(/^存疑原因：请写明存疑的原因/) });
    expect(await t.repos.creditors.setVerification(t.caseId, all, {})).toMatchObject({ ok: false, message: expect.stringContaining('请选择') });
    const before = (await t.repos.audit.page(0, 1000)).length;
    expect(await t.repos.creditors.setVerification(t.caseId, all.slice(0, 2), { status: '存疑', note: '银行流水与合同不符' })).toEqual({ ok: true, changed: 2 });
    expect(await t.repos.creditors.setVerification(t.caseId, all, { exclusion: 'employee' })).toEqual({ ok: true, changed: 3 });
    const list = await t.repos.creditors.loadCase(t.caseId);
    expect(list.map((c) => [c.status, c.exclusion, c.statusNote ?? ''])).toEqual([
      ['存疑', 'employee', '银行流水与合同不符'],
      ['存疑', 'employee', '银行流水与合同不符'],
      ['已核实', 'employee', ''],
    ]);
    const entries = await t.repos.audit.page(0, 1000);
    expect(entries.length).toBe(before + 2);
    expect(entries.map((e) => e.after)).toContainEqual({ exclusion: 'employee', count: 3, cids: '1-3', relaxed: undefined, relaxedCount: undefined } as never);
    // Verified again: the reason of the doubt goes with it.
    expect((await t.repos.creditors.setVerification(t.caseId, all.slice(0, 1), { status: '已核实' })).ok).toBe(true);
    expect((await t.repos.creditors.loadCase(t.caseId))[0]?.statusNote).toBeUndefined();
  });

  it('a replacing import keeps unchanged verifications and sends a changed net claim back to 待核实, changed by the importer', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.clerk2);
    const list = [creditor(1, { name: '王喆', netClaimFen: 600_000, status: '待核实' }), creditor(2, { name: '李堃', netClaimFen: 350_000, status: '待核实' })];
    const plan = await t.repos.creditors.planImport(t.caseId, list, { mode: 'replace' });
    expect(plan).toMatchObject({ removedCreditors: 1, removedVerified: 1 });
    expect((await t.repos.creditors.commitImport(plan, { fileName: 'new.xlsx', fileHash: 'f'.repeat(64), sheetName: 'S', dataRows: 2, okRows: 2, warningRows: 0, errorRows: 0 })).ok).toBe(true);
    expect(await creditorNamed(t, '王喆')).toMatchObject({ status: '已核实', netClaimFen: 600_000 });
    const changed = await creditorNamed(t, '李堃');
    expect(changed).toMatchObject({ status: '待核实', netClaimFen: 350_000 });
    expect(changed.review?.pendingChange).toMatchObject({ changedBy: [{ name: '赵经办' }], fields: ['netClaim'] });
    expect((await t.repos.creditors.setVerification(t.caseId, [changed.cid], { status: '已核实', exclusion: null })).ok).toBe(false);
  });

  it('refuses to replace a register that an approved batch pays from', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.approver);
    expect((await t.repos.repayment.approve(t.batchId)).ok).toBe(true);
    await signInAs(t.repos, t.users.clerk2);
    await expect(t.repos.creditors.planImport(t.caseId, [], { mode: 'replace' })).rejects.toThrow(/已审批或已支付的清退批次（第 1 批）.*不能整体替换/);
  });

  it('keeps 经办 and 审核 apart: a reviewer cannot edit data, a clerk cannot verify', async () => {
    const t = await setup();
    const c = await creditorNamed(t, '李堃');
    const asClerk = await t.repos.creditors.save(t.caseId, c.cid, { ...draftFromCreditor(c), status: '存疑' });
    expect(!asClerk.ok && asClerk.errors.permission).toMatch(/你的角色（经办）不能核实集资参与人/);
    expect((await t.repos.creditors.setVerification(t.caseId, [c.cid], { status: '存疑', exclusion: null, note: '合同原件待核对' })).ok).toBe(false);
    await signInAs(t.repos, t.users.reviewer);
    const asReviewer = await t.repos.creditors.save(t.caseId, c.cid, { ...draftFromCreditor(c), phone: '13800001111' });
    expect(!asReviewer.ok && asReviewer.errors.permission).toMatch(/你的角色（审核）不能导入、录入和修改集资参与人/);
    expect(await t.repos.creditors.setVerification(t.caseId, [c.cid], { status: '存疑', exclusion: null, note: '合同原件待核对' })).toEqual({ ok: true, changed: 1 });
    await expect(t.repos.creditors.planImport(t.caseId, [])).rejects.toThrow(/不能导入、录入和修改集资参与人/);
    expect(await refusals(t.repos)).toHaveLength(4);
  });

  it('verifies many creditors in one action, or none when one of them may not be verified by this user', async () => {
    const t = await setup();
    const all = (await t.repos.creditors.loadCase(t.caseId)).map((c) => c.cid);
    await signInAs(t.repos, t.users.clerk2);
    await changeAccount(t, '赵赟', '6222020200188888888');
    await signInAs(t.repos, t.users.reviewer);
    const before = (await t.repos.audit.page(0, 1000)).length;
    expect(await t.repos.creditors.setVerification(t.caseId, all, { status: '存疑', exclusion: null, note: '合同原件待核对' })).toEqual({ ok: true, changed: 3 });
    expect((await t.repos.audit.page(0, 1000)).length).toBe(before + 1);
    // 赵经办, who changed 赵赟's account, tries to verify all three: refused for all, 赵赟 named.
    await signInAs(t.repos, t.users.clerk2);
    const refused = await t.repos.creditors.setVerification(t.caseId, all, { status: '已核实', exclusion: null });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^赵赟：银行账号已由赵经办在核实后修改.*本次核实未作任何改动。$/) });
    expect((await t.repos.creditors.loadCase(t.caseId)).map((c) => c.status)).toEqual(['存疑', '存疑', '存疑']);
    // Without 赵赟 the other two go through.
    expect(await t.repos.creditors.setVerification(t.caseId, all.slice(0, 2), { status: '已核实', exclusion: null })).toEqual({ ok: true, changed: 2 });
  });
});

describe('no money moves on a change nobody else has verified', () => {
  it('refuses to approve a batch while a line refers to a changed account; after another verification it goes through', async () => {
    const t = await setup();
    await changeAccount(t, '李堃', '6222020200177777777');
    await signInAs(t.repos, t.users.approver);
    const refused = await t.repos.repayment.approve(t.batchId);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^第 1 批不能审批：李堃（银行账号已由张经办在核实后修改），须由修改人以外的人/) });
    expect((await refusals(t.repos)).at(0)?.after).toMatchObject({ reason: expect.stringContaining('李堃') });
    await signInAs(t.repos, t.users.reviewer);
    expect((await t.repos.creditors.setVerification(t.caseId, [(await creditorNamed(t, '李堃')).cid], { status: '已核实', exclusion: null })).ok).toBe(true);
    await signInAs(t.repos, t.users.approver);
    expect(await t.repos.repayment.approve(t.batchId)).toEqual({ ok: true });
  });

  it('refuses the bank file of an approved batch after an account changed, names who exports it, and records results apart from the approver', async () => {
    const t = await setup();
    await signInAs(t.repos, t.users.approver);
    await t.repos.repayment.approve(t.batchId);
    await signInAs(t.repos, t.users.clerk);
    await changeAccount(t, '王喆', '6222020200166666666');
    const refused = await t.repos.repayment.disbursementFile(t.batchId);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^第 1 批不能导出银行代发清单：王喆/) });
    await signInAs(t.repos, t.users.reviewer);
    await t.repos.creditors.setVerification(t.caseId, [(await creditorNamed(t, '王喆')).cid], { status: '已核实', exclusion: null });

    // The reviewer may not export at all (not their role); the clerk may, and the file says who.
    await expect(t.repos.repayment.disbursementFile(t.batchId)).rejects.toThrow(/你的角色（审核）不能导出银行代发清单/);
    await signInAs(t.repos, t.users.clerk);
    const file = await t.repos.repayment.disbursementFile(t.batchId);
    if (!file.ok) throw new Error(file.message);
    const book = XLSX.read(new Uint8Array(await file.file.arrayBuffer()), { type: 'array' });
    const summary = XLSX.utils.sheet_to_json<string[]>(book.Sheets.汇总 as XLSX.WorkSheet, { header: 1 });
    expect(summary).toEqual(expect.arrayContaining([['审批人', '王审批'], ['导出人', '张经办']]));
    expect(book.Props?.Author).toBe('张经办');
    await t.repos.repayment.recordExport(t.batchId, file.suggestedName, file.rowCount, file.totalFen);
    expect((await t.repos.repayment.getBatch(t.batchId))?.bankExports).toEqual([{ by: { id: t.users.clerk, name: '张经办' }, at: expect.any(String), fileName: file.suggestedName }]);

    // The approver may not record the bank's results…
    await signInAs(t.repos, t.users.admin);
    await t.repos.users.setRoles(t.users.approver, ['approver', 'clerk']);
    await signInAs(t.repos, t.users.approver);
    const byApprover = await t.repos.repayment.recordPaymentResults(t.batchId, [{ cid: '1', result: 'paid', note: '' }], { fileName: null, rejected: [] });
    expect(byApprover).toMatchObject({ ok: false, message: expect.stringContaining('支付结果须由审批人以外的人登记') });
    expect((await t.repos.repayment.markPaid(t.batchId)).ok).toBe(false);
    expect((await t.repos.repayment.batchLines(t.batchId)).find((l) => l.cid === '1')?.status).toBe('pending');
    // …someone else may,
    await signInAs(t.repos, t.users.clerk);
    expect((await t.repos.repayment.recordPaymentResults(t.batchId, [{ cid: '1', result: 'paid', note: '' }], { fileName: null, rejected: [] })).ok).toBe(true);
    // …and the approver too once the office accepts one person for this step: recorded as such.
    await signInAs(t.repos, t.users.admin);
    await t.repos.users.savePolicy({ smallOffice: false, selfApproval: false, selfReverification: false, approverRecordsPayments: true });
    await signInAs(t.repos, t.users.approver);
    expect((await t.repos.repayment.recordPaymentResults(t.batchId, [{ cid: '2', result: 'failed', note: '户名不符' }], { fileName: null, rejected: [] })).ok).toBe(true);
    const results = await t.repos.repayment.paymentResults(t.batchId);
    expect(results.map((r) => [r.recordedBy, r.relaxed])).toEqual([
      ['张经办', null],
      ['王审批', 'approverRecordsPayments'],
    ]);
    expect((await t.repos.repayment.getBatch(t.batchId))?.relaxations?.map((r) => r.relaxation)).toEqual(['approverRecordsPayments']);
  });
});

describe('personal data, exports and other roles', () => {
  it('refuses a reveal to a user whose roles do not need personal data, and audits both outcomes', async () => {
    const t = await setup();
    const c = await creditorNamed(t, '王喆');
    await signInAs(t.repos, t.users.admin);
    const refused = await t.repos.creditors.recordReveal(t.caseId, c).catch((e: unknown) => e);
    expect(isPermissionDenied(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/^你的角色（管理员）不能查看完整的证件号码、电话、银行账号/);
    await expect(t.repos.repayment.recordReveal(t.caseId, c.cid, 'bankAccount')).rejects.toThrow(/不能查看完整/);
    await expect(t.repos.creditors.mayExport(t.caseId, 'full')).rejects.toThrow(/不能导出含个人信息的文件/);
    await signInAs(t.repos, t.users.reviewer);
    await t.repos.creditors.recordReveal(t.caseId, c);
    const entries = await t.repos.audit.page(0, 100);
    expect(entries.filter((e) => e.action === 'refuse').map((e) => [e.operator, e.entity])).toEqual([
      ['林淼', 'creditors'],
      ['林淼', 'creditors'],
      ['林淼', 'creditors'],
    ]);
    expect(entries.find((e) => e.action === 'reveal')).toMatchObject({ operator: '李审核', entityId: `${t.caseId}/${c.cid}` });
  });

  it('keeps settings, templates and numbered documents to their roles', async () => {
    const t = await setup();
    await expect(t.repos.settings.save(await t.repos.settings.get())).rejects.toThrow(/不能修改单位设置/);
    await expect(t.repos.documents.templates.duplicate('inquiry-notice', '副本')).rejects.toThrow(/不能管理文书模板副本/);
    await expect(t.repos.documents.voidDocument('any', '录错')).rejects.toThrow(/不能签发（分配文号）和作废文书/);
    await expect(t.repos.repayment.voidFund('any', '重复')).rejects.toThrow(/不能作废追缴资金登记/);
    await signInAs(t.repos, t.users.approver);
    await expect(t.repos.cases.changeStage(t.caseId, '侦查', '2026-11-01', '')).rejects.toThrow(/你的角色（审批）不能登记和修改案件/);
    expect(await refusals(t.repos)).toHaveLength(5);
  });
});
