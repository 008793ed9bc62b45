import { describe, expect, it } from 'vitest';
import type { Creditor } from '../../../../renderer/src/core/creditors';
import { editKinds, type ReviewedCreditor, reviewEdit, reviewMerge } from '../../../../renderer/src/core/creditors/review';
import { checkApprover, checkPaymentRecorder, DEFAULT_POLICY } from '../../../../renderer/src/core/users/four-eyes';
import { allows, explainRoles, PERMISSIONS, refusalFor } from '../../../../renderer/src/core/users/permissions';
import { checkUserName, normalizeUserName, validateUserDraft } from '../../../../renderer/src/core/users/validate-user';

const A = { id: 'a', name: '张经办' };
const B = { id: 'b', name: '李审核' };

function creditor(patch: Partial<Creditor> = {}): Creditor {
  return {
    name: '王喆',
    idType: 'resident',
    idNumber: '11010519600101100X',
    bankAccount: '6222020200112200001',
    contracts: [{ principalFen: 600_000, returnedFen: 0, sourceRow: 2, note: '' }],
    principalFen: 600_000,
    returnedFen: 0,
    netClaimFen: 600_000,
    status: '已核实',
    exclusion: null,
    ...patch,
  };
}

describe('roles and permissions', () => {
  it('gives each permission to the roles named in the table, and explains a refusal in Chinese', () => {
    expect(allows(['clerk'], 'repayment.compute')).toBe(true);
    expect(allows(['clerk'], 'repayment.approve')).toBe(false);
    expect(allows(['admin'], 'personal.reveal')).toBe(false);
    expect(allows(['clerk', 'approver'], 'repayment.approve')).toBe(true);
    expect(refusalFor(['reviewer'], 'repayment.approve')).toBe('你的角色（审核）不能审批清退批次：须由具有“审批”角色的用户操作。请切换到有此角色的用户，或请管理员调整角色。');
    expect(refusalFor([], 'cases.write')).toMatch(/^你没有任何角色，不能/);
    expect(refusalFor(['admin'], 'users.manage')).toBeNull();
    const explained = explainRoles(['reviewer']);
    expect(explained).toHaveLength(PERMISSIONS.length);
    expect(explained.filter((e) => e.allowed).map((e) => e.rule.id)).toEqual(['creditors.verify', 'personal.reveal', 'personal.export']);
    expect(PERMISSIONS.every((p) => p.why.endsWith('。') && p.roles.length > 0)).toBe(true);
  });

  it('checks names and roles of a new user, naming the field', () => {
    expect(normalizeUserName(' 林 淼 ')).toBe('林淼');
    expect(normalizeUserName('  John   Smith ')).toBe('John Smith');
    expect(checkUserName('林淼', ['林淼'])).toMatch(/^姓名：已有名为“林淼”的用户/);
    expect(validateUserDraft({ name: '', roles: [], passphrase: '1234567', confirm: '1234567' }, [])).toEqual({
      name: expect.stringMatching(/^姓名：/),
      roles: '角色：请至少选择一个角色。',
      passphrase: '密码：至少需要 8 个字符。',
    });
  });
});

describe('four eyes', () => {
  it('refuses approval by a person who computed the batch unless a small office chose otherwise', () => {
    expect(checkApprover(3, [A], B, DEFAULT_POLICY)).toEqual({ ok: true, relaxed: null });
    expect(checkApprover(3, [A, B], B, DEFAULT_POLICY)).toMatchObject({ ok: false, message: expect.stringMatching(/^第 3 批由你（李审核）计算/) });
    expect(checkApprover(3, [B], B, { ...DEFAULT_POLICY, selfApproval: true })).toMatchObject({ ok: false });
    expect(checkApprover(3, [B], B, { ...DEFAULT_POLICY, smallOffice: true, selfApproval: true })).toEqual({ ok: true, relaxed: 'selfApproval' });
  });

  it('refuses payment results by the approver unless the office accepts one person for that step', () => {
    expect(checkPaymentRecorder(1, A, B, DEFAULT_POLICY)).toEqual({ ok: true, relaxed: null });
    expect(checkPaymentRecorder(1, A, A, DEFAULT_POLICY)).toMatchObject({ ok: false });
    expect(checkPaymentRecorder(1, A, A, { ...DEFAULT_POLICY, approverRecordsPayments: true })).toEqual({ ok: true, relaxed: 'approverRecordsPayments' });
  });

  it('sends a verified creditor back on an account or net-claim change, and keeps the changer from verifying it', () => {
    const before = { ...creditor(), review: { verifiedBy: { ...B, at: 't0' } } };
    const phoneOnly = reviewEdit(before, creditor({ phone: '13800001111' }), A, DEFAULT_POLICY, 't1');
    expect(phoneOnly).toMatchObject({ ok: true, sentBack: false, creditor: { status: '已核实', review: { verifiedBy: B } } });
    // Asking for 已核实 in the same edit does not help: it goes back all the same.
    const changed = reviewEdit(before, creditor({ bankAccount: '6222020200199999999' }), A, DEFAULT_POLICY, 't1');
    expect(changed).toMatchObject({ ok: true, sentBack: true, creditor: { status: '待核实', review: { pendingChange: { changedBy: [A], fields: ['bankAccount'] } } } });
    if (!changed.ok) return;
    expect(reviewEdit(changed.creditor, { ...changed.creditor, status: '已核实' }, A, DEFAULT_POLICY, 't2')).toMatchObject({ ok: false });
    const small = { ...DEFAULT_POLICY, smallOffice: true, selfReverification: true };
    expect(reviewEdit(changed.creditor, { ...changed.creditor, status: '已核实' }, A, small, 't2')).toMatchObject({ ok: true, relaxed: 'selfReverification', creditor: { review: { verifiedBy: { ...A, relaxed: 'selfReverification' } } } });
    const other = reviewEdit(changed.creditor, { ...changed.creditor, status: '已核实' }, B, DEFAULT_POLICY, 't2');
    expect(other).toMatchObject({ ok: true, creditor: { status: '已核实', review: { verifiedBy: { ...B, at: 't2' } } } });
    expect(other.ok && other.creditor.review?.pendingChange).toBeUndefined();
  });

  it('records an import that changes a verified creditor\'s net claim against the importer', () => {
    const before: ReviewedCreditor = creditor();
    const merged: ReviewedCreditor = creditor({ status: '待核实', netClaimFen: 700_000, principalFen: 700_000 });
    expect(reviewMerge(before, merged, A, 't1').review?.pendingChange).toEqual({ changedBy: [A], at: 't1', fields: ['netClaim'] });
    expect(reviewMerge(before, merged, null, 't1').review).toBeUndefined();
  });

  it('tells data changes (经办) from verification changes (审核)', () => {
    expect(editKinds(creditor(), creditor({ phone: '13800001111' }))).toEqual({ data: true, verification: false });
    expect(editKinds(creditor(), creditor({ status: '存疑' }))).toEqual({ data: false, verification: true });
    expect(editKinds(null, creditor({ status: '待核实' }))).toEqual({ data: true, verification: false });
    expect(editKinds(null, creditor())).toEqual({ data: true, verification: true });
  });
});
