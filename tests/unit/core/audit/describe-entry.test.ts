import { describe, expect, it } from 'vitest';
import { type AuditEntry, GENESIS_HASH, sealAuditEntry } from '../../../../renderer/src/core/audit/audit-entry';
import { describeAuditEntry } from '../../../../renderer/src/core/audit/describe-entry';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';

const CASE_ID = '3f2a9c1e-1111-4222-8333-444455556666';
const NAMES = new Map([
  [`cases:${CASE_ID}`, '威公经立〔2020〕15号'],
  ['users:u-1', '张经办'],
]);
const names = (table: string, id: string) => NAMES.get(`${table}:${id}`);

function entry(patch: Partial<AuditEntry>): AuditEntry {
  return sealAuditEntry({
    seq: 1,
    at: '2026-11-26T01:30:00.000Z',
    operator: '张经办',
    userId: 'u-1',
    action: 'update',
    entity: 'creditors',
    entityId: `${CASE_ID}/7`,
    before: null,
    after: null,
    prevHash: GENESIS_HASH,
    ...patch,
  });
}

const before = { cid: '7', name: '王喆', idType: 'resident', idNumber: '11010519600101100X', phone: '13800001111', bankAccount: '6222020200112200001', netClaimFen: 600_000, status: '已核实', exclusion: null };

describe('an audit entry in Chinese', () => {
  it('names the record instead of its id, labels fields in Chinese, formats money and masks personal data', () => {
    const e = entry({ before, after: { ...before, bankAccount: '6222020200199999999', netClaimFen: 650_050, status: '待核实', exclusion: 'employee' } });
    const d = describeAuditEntry(e, names);
    expect(d).toMatchObject({ action: '修改', entity: '集资参与人', target: '王喆（威公经立〔2020〕15号）', operator: '张经办', attribution: 'user', masked: true });
    expect(d.lines).toEqual([
      { label: '银行账号', before: '6222 **** 0001', after: '6222 **** 9999' },
      { label: '核定清退基数', before: '6,000.00 元', after: '6,500.50 元' },
      { label: '状态', before: '已核实', after: '待核实' },
      { label: '排除情形', before: '—', after: '员工' },
    ]);
    const text = JSON.stringify(d);
    expect(text).not.toContain(CASE_ID);
    expect(text).not.toContain('6222020200199999999');
    expect(text).not.toMatch(/netClaimFen|bankAccount|exclusion/);
    // Deliberately revealed, the full values show; the stored entry and its hash are unchanged.
    const revealed = describeAuditEntry(e, names, true);
    expect(revealed.lines[0]).toEqual({ label: '银行账号', before: '6222020200112200001', after: '6222020200199999999' });
    expect(verifyAuditChain([e]).ok).toBe(true);
  });

  it('lists a new record\'s fields, with ids of other records as their names and times in local time', () => {
    const d = describeAuditEntry(entry({ action: 'create', entity: 'fundReceipts', entityId: 'f-1', after: { id: 'f-1', caseId: CASE_ID, source: 'seizedAssetDisposal', amountFen: 1_000_000, recordedAt: '2026-11-26T01:30:00.000Z', voided: null } }), names);
    expect(d.lines).toEqual([
      { label: '案件', after: '威公经立〔2020〕15号' },
      { label: '资金来源', after: '处置涉案资产' },
      { label: '金额', after: '10,000.00 元' },
      { label: '登记时间', after: '2026-11-26 09:30' },
      { label: '作废', after: '—' },
    ]);
    expect(d.target).toBe('（记录已不存在）');
  });

  it('marks entries from before users existed as typed by hand, and entries without a user as the app\'s', () => {
    const typed = sealAuditEntry({ seq: 1, at: '2026-01-01T00:00:00.000Z', operator: '林淼', action: 'settings', entity: 'settings', entityId: 'app', before: null, after: { officeName: '威海市处非办' }, prevHash: GENESIS_HASH });
    expect(describeAuditEntry(typed, names)).toMatchObject({ operator: '林淼（手填）', attribution: 'typed', target: '单位设置', summary: '发文机关：威海市处非办' });
    expect(describeAuditEntry(entry({ userId: null, operator: '' }), names)).toMatchObject({ operator: '（未登录）', attribution: 'system' });
  });

  it('says what a refusal refused and why, and what a sign-in switched from', () => {
    const refusal = entry({ action: 'refuse', entity: 'repaymentBatches', entityId: 'b-1', after: { permission: 'repayment.approve', attempted: '审批清退批次', reason: '第 1 批由你（张经办）计算，须由另一位具有“审批”角色的用户审批。' } });
    expect(describeAuditEntry(refusal, names)).toMatchObject({ action: '拒绝执行', summary: '审批清退批次：第 1 批由你（张经办）计算，须由另一位具有“审批”角色的用户审批。' });
    const signIn = entry({ action: 'sign-in', entity: 'users', entityId: 'u-1', after: { name: '张经办', roles: ['clerk', 'reviewer'], switchedFrom: '林淼' } });
    expect(describeAuditEntry(signIn, names)).toMatchObject({ target: '张经办', summary: '登录（从 林淼 切换）' });
    expect(describeAuditEntry(signIn, names).lines).toContainEqual({ label: '角色', after: '经办、审核' });
  });
});

describe('audit entries of the clue and screening areas', () => {
  it('a reveal shows the purpose the user gave, with the reporter still masked', () => {
    const e = entry({ action: 'reveal', entity: 'clueReporters', entityId: 'clue-1', after: { clueNo: '线索〔2026〕1号', name: '王*兰', purpose: '写入举报奖励通知书' } });
    const d = describeAuditEntry(e, () => '线索〔2026〕1号 的举报人');
    expect(d.summary).toBe('查看完整个人信息；用途：写入举报奖励通知书');
    expect(d.lines).toContainEqual({ label: '用途', after: '写入举报奖励通知书' });
    expect(JSON.stringify(d)).not.toContain('王秀兰');
    // A reveal without a purpose reads as before.
    expect(describeAuditEntry(entry({ action: 'reveal', entity: 'clueReporters', entityId: 'clue-1', after: { clueNo: '线索〔2026〕1号' } }), names).summary).toBe('查看完整个人信息');
  });

  it('the finance-keyword list is named 涉金融关键字样 and its saves show the words added and removed', () => {
    const first = entry({ action: 'settings', entity: 'settings', entityId: 'screening-keywords', before: null, after: { keywords: ['金融', '理财', '养老投资'] } });
    const d = describeAuditEntry(first, names);
    expect(d.target).toBe('涉金融关键字样');
    // The first save is read against the built-in list that was in use until then.
    expect(d.summary).toMatch(/^增加：养老投资；删除：投资、/);
    expect(d.summary).toContain('（共 3 个）');
    const next = describeAuditEntry(entry({ action: 'settings', entity: 'settings', entityId: 'screening-keywords', before: { keywords: ['金融', '理财'] }, after: { keywords: ['金融', '理财', '众筹'] } }), names);
    expect(next.summary).toBe('增加：众筹（共 3 个）');
    expect(next.lines).toEqual([{ label: '涉金融关键字样', before: '金融、理财', after: '金融、理财、众筹' }]);
    expect(JSON.stringify(next)).not.toContain('screening-keywords');
    const reordered = describeAuditEntry(entry({ action: 'settings', entity: 'settings', entityId: 'screening-keywords', before: { keywords: ['金融', '理财'] }, after: { keywords: ['理财', '金融'] } }), names);
    expect(reordered.summary).toBe('关键字样未增删，调整了顺序（共 2 个）');
  });
});

describe('screening records in the audit log', () => {
  it('a firm reads as 排查对象 with its fields in Chinese, and a reward names its clue, not an id', () => {
    const firm = { id: 'f-1', name: '威海鑫源理财咨询有限公司', creditCode: '91371000MA3C8X7P1P', legalRep: '王芳', businessScope: '投资咨询', keywordHits: ['投资'] };
    const d = describeAuditEntry(entry({ action: 'create', entity: 'firms', entityId: 'f-1', after: firm }), () => undefined);
    expect(d.entity).toBe('排查对象');
    expect(d.target).toBe('威海鑫源理财咨询有限公司');
    expect(d.lines.map((l) => l.label)).toEqual(['企业名称', '统一社会信用代码', '法定代表人', '经营范围', '涉金融关键字样']);
    const reward = describeAuditEntry(entry({ action: 'create', entity: 'clueRewards', entityId: 'r-1', after: { clueId: 'c-1', amountFen: 300_000 } }), (table, id) => (table === 'clues' && id === 'c-1' ? '线索〔2026〕1号 威海鑫源理财咨询有限公司' : undefined));
    expect(reward.summary).toContain('线索：线索〔2026〕1号 威海鑫源理财咨询有限公司');
    expect(reward.summary).not.toContain('c-1');
  });
});

describe('documents in the audit log', () => {
  it('a draft lists its form data under the labels its template gave them, and its type by name', () => {
    const template = { id: 'inquiry-notice', name: '联合执法询问通知书', fields: [{ key: 'partyName', label: '被询问单位（人）' }, { key: 'appointmentDate', label: '到达日期' }, { key: 'reason', label: '询问事由' }] };
    const row = { id: 'd-1', caseId: CASE_ID, templateId: 'inquiry-notice', number: null, status: '草稿', body: { typeId: 'inquiry-notice', template, data: { partyName: '威海某某养老服务有限公司', appointmentDate: '2026-12-18', reason: '涉嫌非法吸收公众存款' } } };
    const d = describeAuditEntry(entry({ action: 'create', entity: 'documents', entityId: 'd-1', after: row }), names);
    expect(d.lines).toEqual(
      expect.arrayContaining([
        { label: '文书类型', after: '联合执法询问通知书' },
        { label: '填写内容·被询问单位（人）', after: '威海某某养老服务有限公司' },
        { label: '填写内容·到达日期', after: '2026-12-18' },
        { label: '填写内容·询问事由', after: '涉嫌非法吸收公众存款' },
      ]),
    );
    expect(JSON.stringify(d.lines)).not.toMatch(/partyName|appointmentDate|inquiry-notice/);
  });
});
