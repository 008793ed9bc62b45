// 移送公安 creating or linking a case, and 整改/约谈 linking the notice issued to the firm (issue 14).
import { describe, expect, it } from 'vitest';
import { findBuiltinTemplate, sampleDataFor } from '../../../renderer/src/core/documents';
import { caseDraftFromFirm, EMPTY_FIRM_INPUT, type Firm, type FirmInput } from '../../../renderer/src/core/screening';
import { isPermissionDenied } from '../../../renderer/src/db/access';
import { addUser, firstAdmin, makeUserRepos, signInAs } from './users-test-data';

const PDF = new TextEncoder().encode('%PDF-1.7\n% issued notice\n%%EOF');
const DISTRICTS = ['环翠区', '文登区'];

const firmInput = (patch: Partial<FirmInput> = {}): FirmInput => ({
  ...EMPTY_FIRM_INPUT,
  name: '威海鑫源理财咨询有限公司',
  creditCode: '91371000MA3C8X7P1P',
  legalRep: '赵堃',
  district: '环翠区',
  sector: '投资理财',
  ...patch,
});

const disposal = { kind: '移送公安', date: '2026-11-20', decidedBy: '市处非办主任办公会', documentRef: '', caseId: null, note: '' };

async function setup() {
  const t = makeUserRepos();
  await firstAdmin(t.repos, ['admin', 'clerk', 'approver']);
  const saved = await t.repos.screening.saveFirm(null, firmInput());
  if (!saved.ok) throw new Error('firm not saved');
  return { ...t, firm: saved.value };
}

type Repos = ReturnType<typeof makeUserRepos>['repos'];

async function issueTo(repos: Repos, firmId: string | undefined, templateId: 'rectification-notice' | 'inquiry-notice') {
  const template = findBuiltinTemplate(templateId);
  const sample = sampleDataFor(templateId);
  if (!template || !sample) throw new Error('template missing');
  const { documentNumber: _n, ...data } = sample;
  const peek = await repos.documents.peekNumber(template);
  if (!peek.ok) throw new Error(peek.message);
  const r = await repos.documents.issue({
    draftId: null,
    caseId: null,
    ...(firmId ? { firmId } : {}),
    template,
    data: { ...data, documentNumber: peek.preview.number },
    expected: peek.preview,
    pdf: PDF,
    pdfFileName: 'x.pdf',
    issuedDate: '2026-11-20',
  });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('移送公安 from the screening ledger', () => {
  it('prefills the case from the firm: its name as subject and in the title, district, credit code and legal representative', () => {
    const draft = caseDraftFromFirm({ ...firmInput(), id: 'f1' } as unknown as Firm, '2026-11-20');
    expect(draft).toMatchObject({ title: '威海鑫源理财咨询有限公司涉嫌非法吸收公众存款案', district: '环翠区', sector: '投资理财', charge: '非法吸收公众存款', stage: '线索核查', stageDate: '2026-11-20' });
    expect(draft.parties).toEqual([
      { kind: 'firm', name: '威海鑫源理财咨询有限公司', role: '涉案企业', idNumber: '91371000MA3C8X7P1P', note: '' },
      { kind: 'person', name: '赵堃', role: '法定代表人', idNumber: '', note: '' },
    ]);
  });

  it('creates the case and the disposition together, and each shows the other', async () => {
    const { repos, firm } = await setup();
    const r = await repos.screening.referToPolice(firm.id, disposal, { ...caseDraftFromFirm(firm, '2026-11-20'), caseNumber: '威公经〔2026〕88号' }, DISTRICTS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const caseId = r.value.caseId ?? '';
    const found = await repos.cases.get(caseId);
    expect(found?.caseFile).toMatchObject({ caseNumber: '威公经〔2026〕88号', title: '威海鑫源理财咨询有限公司涉嫌非法吸收公众存款案', district: '环翠区', stage: '线索核查' });
    expect(found?.parties.map((p) => `${p.name}/${p.role}/${p.idNumber}`)).toEqual(['威海鑫源理财咨询有限公司/涉案企业/91371000MA3C8X7P1P', '赵堃/法定代表人/']);
    expect((await repos.screening.load()).dispositions).toEqual([expect.objectContaining({ kind: '移送公安', firmId: firm.id, caseId })]);
    expect((await repos.screening.referralsOfCase(caseId)).map((x) => x.firmName)).toEqual(['威海鑫源理财咨询有限公司']);
    const audit = await repos.audit.page(0, 100);
    expect(audit.filter((e) => e.action === 'create').map((e) => e.entity)).toEqual(expect.arrayContaining(['cases', 'firmDispositions']));
  });

  it('stores neither the case nor the disposition when a field of either is wrong, naming the field', async () => {
    const { repos, firm, db } = await setup();
    const noNumber = await repos.screening.referToPolice(firm.id, { ...disposal, decidedBy: '' }, { ...caseDraftFromFirm(firm, '2026-11-20'), district: '荣成市' }, DISTRICTS);
    expect(noNumber.ok ? [] : noNumber.errors).toEqual(
      expect.arrayContaining([
        { field: 'decidedBy', message: expect.stringMatching(/^决定人：必须填写/) },
        { field: 'case.caseNumber', message: '请填写案件编号（按本单位的编号写法）。' },
        { field: 'case.district', message: expect.stringContaining('区县“荣成市”不在设置的区县列表中') },
      ]),
    );
    await repos.cases.create({ ...caseDraftFromFirm(firm, '2026-11-20'), caseNumber: 'A-1', title: '另案' }, DISTRICTS);
    const clash = await repos.screening.referToPolice(firm.id, disposal, { ...caseDraftFromFirm(firm, '2026-11-20'), caseNumber: 'A-1' }, DISTRICTS);
    expect(clash.ok ? '' : clash.errors[0]).toEqual({ field: 'case.caseNumber', message: '案件编号“A-1”已被“另案”使用，请核对编号。' });
    expect(await db.cases.count()).toBe(1);
    expect(await db.firmDispositions.count()).toBe(0);
  });

  it('links an existing case instead, and refuses a user who may not write cases', async () => {
    const { repos, firm } = await setup();
    const made = await repos.cases.create({ ...caseDraftFromFirm(firm, '2026-11-20'), caseNumber: 'A-2' }, DISTRICTS);
    if (!made.ok) throw new Error('case');
    const linked = await repos.screening.addDisposition(firm.id, { ...disposal, caseId: made.caseId });
    expect(linked.ok && linked.value.caseId).toBe(made.caseId);
    const reviewer = await addUser(repos, '李审核', ['reviewer']);
    await signInAs(repos, reviewer);
    await expect(repos.screening.referToPolice(firm.id, disposal, { ...caseDraftFromFirm(firm, '2026-11-20'), caseNumber: 'A-3' }, DISTRICTS)).rejects.toSatisfy(isPermissionDenied);
  });
});

describe('整改 and 约谈 link the notice issued to the firm', () => {
  const rectify = { kind: '整改', date: '2026-11-20', decidedBy: '环翠区处非办', documentRef: '', caseId: null, note: '' };

  it('needs the 整改通知书 or its 文号', async () => {
    const { repos, firm } = await setup();
    const bare = await repos.screening.addDisposition(firm.id, rectify);
    expect(bare.ok ? '' : bare.errors[0]?.message).toMatch(/^整改通知书：整改处置须关联已签发的整改通知书/);
    expect((await repos.screening.addDisposition(firm.id, { ...rectify, documentRef: '威处非改〔2025〕3号（纸质）' })).ok).toBe(true);
  });

  it('links the issued notice, writing its name and 文号; the firm lists its documents', async () => {
    const { repos, firm } = await setup();
    const issued = await issueTo(repos, firm.id, 'rectification-notice');
    expect((await repos.documents.list({ firmId: firm.id })).map((d) => d.number)).toEqual([issued.number]);
    const r = await repos.screening.addDisposition(firm.id, { ...rectify, documentId: issued.id });
    expect(r.ok && r.value).toMatchObject({ documentId: issued.id, documentRef: `整改通知书 ${issued.number}` });
  });

  it('refuses another firm’s notice, the wrong kind, and a voided one, naming the document', async () => {
    const { repos, firm } = await setup();
    const other = await repos.screening.saveFirm(null, firmInput({ name: '威海海川商贸有限公司', creditCode: '91371002MA3D2K5L4B' }));
    if (!other.ok) throw new Error('other');
    const theirs = await issueTo(repos, other.value.id, 'rectification-notice');
    const inquiry = await issueTo(repos, firm.id, 'inquiry-notice');
    const mine = await issueTo(repos, firm.id, 'rectification-notice');
    await repos.documents.voidDocument(mine.id, '企业名称写错');
    const message = async (documentId: string) => {
      const r = await repos.screening.addDisposition(firm.id, { ...rectify, documentId });
      return r.ok ? '' : r.errors[0]?.message;
    };
    expect(await message(theirs.id)).toBe('关联文书不是向该企业出具的，请从该企业的文书中选择');
    expect(await message(inquiry.id)).toBe('整改应关联整改通知书，所选文书是联合执法询问通知书');
    expect(await message(mine.id)).toBe(`关联文书 ${mine.number} 已作废，请关联有效的文书`);
    const talk = await repos.screening.addDisposition(firm.id, { ...rectify, kind: '约谈', documentId: inquiry.id });
    expect(talk.ok).toBe(true);
    expect((await repos.screening.load()).dispositions).toHaveLength(1);
  });
});
