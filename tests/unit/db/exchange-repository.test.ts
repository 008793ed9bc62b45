import { describe, expect, it } from 'vitest';
import { maskCreditor, type OfficeIdentity, packageLayout, reportPeriod, sectionOf, type WritePackageOptions, withReceivedRecords, writePackage } from '../../../renderer/src/core/exchange';
import { computeFigures } from '../../../renderer/src/core/figures/compute';
import { filterRecords } from '../../../renderer/src/core/figures/filter';
import { OFFICE_FIGURES } from '../../../renderer/src/core/figures/office-figures';
import type { FigurePeriod } from '../../../renderer/src/core/figures/types';
import { EMPTY_FIRM_INPUT } from '../../../renderer/src/core/screening';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { isPermissionDenied } from '../../../renderer/src/db/access';
import { backupDatabase } from '../../../renderer/src/db/backup/auto-backup';
import { inspectForRestore } from '../../../renderer/src/db/backup/restore-backup';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { flipBit, middleOf, offsetOfText, refusal, registerCreditors, replaceSpan, swapSpans } from '../core/exchange/exchange-fixture';
import { handleFor, MemoryBackups } from './backup-test-bridge';
import { clueForm, petitionForm } from './intake-forms';
import { createCase, importCreditors } from './repayment-test-data';
import { makeTestRepos } from './test-db';
import { makeUserRepos, office, refusals, signInAs } from './users-test-data';

// 报送 between two stores: 环翠区 makes a package, the city trusts its key and imports it.
// Both stores run without users (every write allowed) except in the role tests at the end.

type T = ReturnType<typeof makeTestRepos>;

const Q4 = reportPeriod('quarter', 2026, 4);

async function district(): Promise<T> {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...DEFAULT_SETTINGS, operatorName: '林淼', districts: ['环翠区'] });
  const id = await t.repos.exchange.saveIdentity({ name: '环翠区处非办', level: 'district', district: '环翠区' });
  if (!id.ok) throw new Error(JSON.stringify(id.errors));
  const caseId = await createCase(t.repos);
  const p = await t.repos.petitions.register(petitionForm({ caseId }));
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return t;
}

async function city(from: T): Promise<T> {
  const t = makeTestRepos();
  await t.repos.exchange.saveIdentity({ name: '威海市处非办', level: 'city', district: '' });
  const added = await t.repos.exchange.addOfficeFromKeyFile((await from.repos.exchange.exportKeyFile()).text);
  if (!added.ok) throw new Error(added.message);
  return t;
}

async function make(t: T, over: { includePersonal?: boolean } = {}) {
  return t.repos.exchange.makePackage({ period: Q4, includePersonal: over.includePersonal ?? false, personalReason: over.includePersonal ? '市处非办来函要求' : '', creditorCaseIds: [], recipientId: null, appVersion: '0.1.0' });
}

/** A package signed with a store's own identity and key, written directly (records and registers as given). */
async function signedBy(t: T, over: { createdAt: string } & Partial<Omit<WritePackageOptions, 'createdAt'>>) {
  const stored = (await t.db.settings.get('exchange-identity'))?.value as { office: OfficeIdentity; privateKey: string; publicKey: string };
  const { createdAt, ...rest } = over;
  const creditors = (over.registers ?? []).reduce((n, r) => n + r.creditors.length, 0);
  return writePackage({
    sender: stored.office,
    keys: stored,
    period: Q4,
    records: [],
    totals: { amountInvolvedFen: 0, lossesRecoveredFen: 0, refundPaidFen: 0, petitionPersons: 0, creditors },
    personalData: { included: false, by: '', reason: '' },
    appVersion: '0.1.0',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: new Date(createdAt),
    packageId: `${createdAt}-${over.schemaVersion ?? CURRENT_SCHEMA_VERSION}`,
    ...rest,
  });
}

describe('ExchangeRepository', () => {
  it('identity: made on first save with a key; a name is required', async () => {
    const t = makeTestRepos();
    const bad = await t.repos.exchange.saveIdentity({ name: ' ', level: 'district', district: '' });
    expect(bad).toEqual({ ok: false, errors: { name: '请填写本单位名称（如：环翠区防范和处置非法集资工作领导小组办公室）。', district: '区县级单位请填写所辖区县（如：环翠区）。' } });
    const first = await t.repos.exchange.saveIdentity({ name: '环翠区处非办', level: 'district', district: '环翠区' });
    const again = await t.repos.exchange.saveIdentity({ name: '环翠区防范和处置非法集资工作领导小组办公室', level: 'district', district: '环翠区' });
    expect(first.ok && again.ok && again.value.fingerprint === first.value.fingerprint && again.value.office.id === first.value.office.id).toBe(true);
    // The private key is in the store (so in backups), never in the audit log.
    const stored = JSON.stringify((await t.db.settings.get('exchange-identity'))?.value);
    const audit = JSON.stringify(await t.repos.audit.page(0, 100));
    expect(stored).toContain('privateKey');
    expect(audit).not.toContain('privateKey');
  });

  it('district makes a package; city previews, imports, and holds the records read-only, marked with the office', async () => {
    const d = await district();
    const c = await city(d);
    const pkg = await make(d);
    expect(pkg.fileName).toBe('环翠区处非办-2026年第四季度-报送包.cfpkg');
    expect(pkg.header.counts).toMatchObject({ case: 1, petition: 1 });
    const preview = await c.repos.exchange.previewImport(pkg.bytes, pkg.fileName);
    expect(preview.counts).toEqual({ added: 2, changed: 0, unchanged: 0, removed: 0 });
    expect(await c.repos.exchange.recordCount()).toBe(0);
    await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    const records = await c.repos.exchange.records();
    expect(records.map((r) => [r.officeName, r.kind, r.district])).toEqual(
      expect.arrayContaining([
        ['环翠区处非办', 'case', '环翠区'],
        ['环翠区处非办', 'petition', '环翠区'],
      ]),
    );
    // Masked by default: the petitioner's name, phone and ID number.
    const p = records.find((r) => r.kind === 'petition');
    expect(JSON.stringify(p?.data.petitioners)).toBe('[{"kind":"entered","name":"张*国","phone":"138****1111","idNumber":"371002********1234"}]');
    const audit = await c.repos.audit.forEntity('exchangePackage', pkg.fileSha256);
    expect(audit[0]?.action).toBe('import');
  });

  it('the same package twice changes nothing', async () => {
    const d = await district();
    const c = await city(d);
    const pkg = await make(d);
    await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    const before = await c.db.exchangeRecordBlocks.toArray();
    const second = await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    expect(second.alreadyImported).toBe(true);
    expect(await c.db.exchangeRecordBlocks.toArray()).toEqual(before);
    expect(await c.db.exchangePackages.count()).toBe(1);
  });

  it('an edit re-sent updates the record; an older package after the newer one is refused', async () => {
    const d = await district();
    const c = await city(d);
    const first = await make(d);
    const later = makeLater(d);
    const caseRow = (await d.db.cases.toArray())[0];
    if (!caseRow) throw new Error('case');
    await d.db.cases.put({ ...caseRow, title: '威海某某养老服务有限公司案（更正）' });
    const second = await later.repos.exchange.makePackage({ period: Q4, includePersonal: false, personalReason: '', creditorCaseIds: [], recipientId: null, appVersion: '0.1.0' });
    await c.repos.exchange.importPackage(first.bytes, first.fileName);
    const preview = await c.repos.exchange.previewImport(second.bytes, second.fileName);
    expect(preview.counts).toEqual({ added: 0, changed: 1, unchanged: 1, removed: 0 });
    await c.repos.exchange.importPackage(second.bytes, second.fileName);
    const cases = await c.repos.exchange.records({ kind: 'case' });
    expect(cases).toHaveLength(1);
    expect(cases[0]?.data.title).toBe('威海某某养老服务有限公司案（更正）');
    const e = await refusal(c.repos.exchange.importPackage(first.bytes, first.fileName));
    expect(e.code).toBe('REPLAYED_OLDER');
    expect((await c.repos.exchange.records({ kind: 'case' }))[0]?.data.title).toBe('威海某某养老服务有限公司案（更正）');
  });

  it('a tampered package is refused, nothing stored, the refusal audited', async () => {
    const d = await district();
    const c = await city(d);
    const pkg = await make(d);
    const e = await refusal(c.repos.exchange.importPackage(flipBit(pkg.bytes, middleOf(packageLayout(pkg.bytes).body)), 'x.cfpkg'));
    expect(e.message).toContain('未导入');
    expect(await c.repos.exchange.recordCount()).toBe(0);
    expect(await c.db.exchangePackages.count()).toBe(0);
    const refused = (await c.repos.audit.page(0, 100)).filter((a) => a.action === 'refuse');
    expect(refused.at(-1)?.after).toMatchObject({ reason: e.message, code: 'BODY_CHANGED' });
  });

  it('a damaged register package is refused whole (header, body, a frame, cut, frames 1 and 2 exchanged, a frame of another package): nothing stored, each refusal audited', async () => {
    const d = await district();
    const c = await city(d);
    const first = await make(d);
    await c.repos.exchange.importPackage(first.bytes, first.fileName);
    const held = async () => JSON.stringify(await Promise.all([c.db.exchangeRecordBlocks.toArray(), c.db.exchangePackages.toArray(), c.db.exchangeOffices.toArray()]));
    const before = await held();
    // Encrypted, so a frame of another package of the same register has the same size (and other keys).
    const passphrase = '报送包加密口令 2026';
    const registers = [{ caseId: 'case-9', district: '环翠区', creditors: registerCreditors(2_500).map((x) => maskCreditor(x)) }];
    const write = (createdAt: string) => signedBy(d, { createdAt, registers, passphrase, pbkdf2Iterations: 1000 });
    const pkg = await write('2026-12-01T00:00:00Z');
    const other = await write('2026-12-02T00:00:00Z');
    const layout = packageLayout(pkg.bytes);
    const [f1, f2] = layout.frames;
    const theirs = packageLayout(other.bytes).frames[1];
    if (!f1 || !f2 || !theirs) throw new Error('frames');
    const changed = '报送包的内容与签名时不一致（文件已被改动或损坏），未导入。请联系「环翠区处非办」重新发送。';
    const cases: [string, Uint8Array, string, string][] = [
      ['header', flipBit(pkg.bytes, offsetOfText(pkg.bytes, '"sender":') + 20), 'BAD_SIGNATURE', '报送包的签名与内容不符（文件在签名后被改动过），不能确认来自「环翠区处非办」，未导入。请联系报送单位重新生成并发送报送包。'],
      ['body', flipBit(pkg.bytes, middleOf(layout.body)), 'BODY_CHANGED', changed],
      ['frame', flipBit(pkg.bytes, middleOf(f2)), 'BODY_CHANGED', changed],
      ['cut', pkg.bytes.subarray(0, middleOf(f2)), 'TRUNCATED', '报送包不完整（文件被截断，可能复制或传输未完成）。请重新拷贝该文件；仍不完整的，请联系报送单位重新生成并发送报送包。'],
      ['swapped', swapSpans(pkg.bytes, f1, f2), 'BODY_CHANGED', changed],
      ['foreign', replaceSpan(pkg.bytes, f2, other.bytes.subarray(theirs.start, theirs.end)), 'BODY_CHANGED', changed],
    ];
    for (const [name, bytes, code, message] of cases) {
      expect(await refusal(c.repos.exchange.previewImport(bytes, `${name}.cfpkg`, passphrase)), name).toMatchObject({ code, message });
      expect(await refusal(c.repos.exchange.importPackage(bytes, `${name}.cfpkg`, passphrase)), name).toMatchObject({ code, message });
      expect(await held(), name).toBe(before);
    }
    const refused = (await c.repos.audit.page(0, 200)).filter((a) => a.action === 'refuse' && a.entity === 'exchangePackage');
    expect(refused.map((a) => [a.entityId, (a.after as { code?: string }).code])).toEqual(expect.arrayContaining(cases.map(([name, , code]) => [`${name}.cfpkg`, code])));
    // The undamaged file still imports, with its register.
    await c.repos.exchange.importPackage(pkg.bytes, 'r.cfpkg', passphrase);
    expect(await c.repos.exchange.registerCreditors((await d.repos.exchange.identity())?.office.id ?? '', 'case-9')).toHaveLength(2_500);
  });

  it('screening and clue figures travel in the package and the city dashboard sums them with its own', async () => {
    const d = await district();
    const firm = await d.repos.screening.saveFirm(null, { ...EMPTY_FIRM_INPUT, name: '威海鑫源理财咨询有限公司', creditCode: '91371000MA3C8X7P1P', district: '环翠区', department: '环翠区处非办', businessScope: '企业管理咨询' });
    expect(firm.ok).toBe(true);
    const clue = await d.repos.clues.register(clueForm());
    expect(clue.ok).toBe(true);
    const c = await city(d);
    await c.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '林淼' });
    expect(await c.repos.clues.register(clueForm({ receivedOn: '2026-11-05' }))).toMatchObject({ ok: true });
    const pkg = await make(d);
    expect(pkg.header.counts).toMatchObject({ screening: 1, monitoring: 1 });
    await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    const received = await c.repos.exchange.figureRecords();
    const own = await c.repos.figures.loadWithoutPetitions();
    const all = withReceivedRecords(own, received.records, received.districts);
    expect(all.firms.map((f) => [f.name, f.office])).toEqual([['威海鑫源理财咨询有限公司', pkg.header.sender.id]]);
    const figures = computeFigures(OFFICE_FIGURES.figures, all, { from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' } as FigurePeriod, '2026-12-02');
    const value = (id: string) => figures.find((f) => f.figure.id === id)?.current.value;
    // One clue received at the city, one at 环翠区: the city's figure is their sum.
    expect(value('clues.received')).toBe(2);
    expect(filterRecords(all, { office: pkg.header.sender.id }).monitoring).toHaveLength(1);
    const titles = (await c.repos.exchange.records({ kind: 'monitoring' })).map((r) => sectionOf(r.kind).title(r.data));
    expect(titles).toEqual(['线索 1 条']);
  });

  it('every case carries its register’s count, register chosen or not: the city’s 涉及人数 counts it as the district does', async () => {
    const d = await district();
    const caseId = (await d.db.cases.toArray())[0]?.id ?? '';
    await importCreditors(d.repos, caseId, [
      { name: '王秀兰', netClaimFen: 100_000 },
      { name: '李建国', netClaimFen: 200_000 },
      { name: '欧阳娜娜', netClaimFen: 300_000 },
    ]);
    const c = await city(d);
    // No register chosen: no creditor travels, its count does.
    const pkg = await make(d);
    expect(pkg.header.counts.creditors).toBeUndefined();
    await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    const held = (await c.repos.exchange.records({ kind: 'case' }))[0];
    expect(held?.data.registerCounts).toEqual({ persons: 3 });
    expect(JSON.stringify(held?.data)).not.toContain('王秀兰');
    const received = await c.repos.exchange.figureRecords();
    const all = withReceivedRecords(await c.repos.figures.loadWithoutPetitions(), received.records, received.districts);
    const rows = computeFigures(OFFICE_FIGURES.figures, all, { from: '2020-01-01', to: '2020-12-31' }, '2026-12-02');
    const atDistrict = computeFigures(OFFICE_FIGURES.figures, await d.repos.figures.loadWithoutPetitions(), { from: '2020-01-01', to: '2020-12-31' }, '2026-12-02');
    const people = (r: typeof rows) => r.find((f) => f.figure.id === 'cases.new.people')?.current;
    expect(people(rows)).toMatchObject({ value: 3, note: '名单 3 人（1 起）' });
    expect([people(atDistrict)?.value, people(atDistrict)?.note]).toEqual([3, '名单 3 人（1 起）']);
  });

  it('an older package (no register counts) that sent the register: the city counts the register (名单) and its records say which office sent it in which package', async () => {
    const d = await district();
    const c = await city(d);
    const officeId = (await d.repos.exchange.identity())?.office.id ?? '';
    const caseData = (id: string, peopleInvolved: number, counts?: { persons: number } | null) => ({
      id,
      caseNumber: `环公经立〔2026〕${id}号`,
      title: `${id}案`,
      district: '环翠区',
      filedDate: '2026-10-10',
      stage: '立案',
      stageHistory: [{ stage: '立案', date: '2026-10-10' }],
      amountInvolvedFen: 0,
      peopleInvolved,
      lossesRecoveredFen: 0,
      ...(counts === undefined ? {} : { registerCounts: counts }),
    });
    const three = registerCreditors(3).map((x) => maskCreditor(x));
    const older = await signedBy(d, {
      createdAt: '2026-12-01T02:30:00Z',
      records: [
        { kind: 'case', sourceId: 'old-1', district: '环翠区', data: caseData('old-1', 1600) },
        { kind: 'case', sourceId: 'old-2', district: '环翠区', data: caseData('old-2', 40) },
      ],
      registers: [{ caseId: 'old-1', district: '环翠区', creditors: three }],
    });
    expect((await c.repos.exchange.importPackage(older.bytes, 'older.cfpkg')).counts.added).toBe(3);
    const received = await c.repos.exchange.figureRecords();
    const all = withReceivedRecords(await c.repos.figures.loadWithoutPetitions(), received.records, received.districts);
    const oldCase = all.cases.find((x) => x.id === `${officeId}|old-1`);
    expect(oldCase).toMatchObject({ registeredPersons: 3, registerNotReported: false, receivedFrom: { officeName: '环翠区处非办', packageCreatedAt: '2026-12-01T02:30:00.000Z' } });
    const people = computeFigures(OFFICE_FIGURES.figures, all, { from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' } as FigurePeriod, '2026-12-02').find((f) => f.figure.id === 'cases.new.people')?.current;
    expect([people?.value, people?.note]).toEqual([43, '名单 3 人（1 起）；填报 40 人（1 起）']);
    expect(people?.records.map((r) => r.detail)).toEqual(['名单 3 人（案件填报 1,600 人，未采用）', '填报 40 人（报送包未附名单人数）']);
    // A newer package with the counts: they are what counts (old-2 now says it has a register of 7).
    const newer = await signedBy(d, {
      createdAt: '2026-12-02T02:30:00Z',
      records: [
        { kind: 'case', sourceId: 'old-1', district: '环翠区', data: caseData('old-1', 1600, { persons: 3 }) },
        { kind: 'case', sourceId: 'old-2', district: '环翠区', data: caseData('old-2', 40, { persons: 7 }) },
      ],
      registers: [{ caseId: 'old-1', district: '环翠区', creditors: three }],
    });
    await c.repos.exchange.importPackage(newer.bytes, 'newer.cfpkg');
    const again = await c.repos.exchange.figureRecords();
    const all2 = withReceivedRecords(await c.repos.figures.loadWithoutPetitions(), again.records, again.districts);
    const people2 = computeFigures(OFFICE_FIGURES.figures, all2, { from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' } as FigurePeriod, '2026-12-02').find((f) => f.figure.id === 'cases.new.people')?.current;
    expect([people2?.value, people2?.note]).toEqual([10, '名单 10 人（2 起）']);
    expect(all2.cases.find((x) => x.id === `${officeId}|old-2`)?.receivedFrom?.packageCreatedAt).toBe('2026-12-02T02:30:00.000Z');
  });

  it('a creditor register arrives as frames and is stored 1,000 a row: exact, masked as sent, idempotent; a newer package without it removes it', async () => {
    const d = await district();
    const c = await city(d);
    const office = (await d.repos.exchange.identity())?.office.id ?? '';
    const list = Array.from({ length: 2_345 }, (_, i) => ({ cid: String(i + 1), name: '王秀兰', idType: '居民身份证', idNumber: '371002198001011234', principalFen: 1_000 + i, returnedFen: 0, netClaimFen: 1_000 + i, status: '已核实' }));
    const write = (createdAt: string, registers: boolean) => signedBy(d, { createdAt, registers: registers ? [{ caseId: 'case-9', district: '环翠区', creditors: list.map((x) => maskCreditor(x)) }] : [] });
    const pkg = await write('2026-12-01T00:00:00Z', true);
    const outcome = await c.repos.exchange.importPackage(pkg.bytes, 'r.cfpkg');
    expect(outcome.counts.added).toBe(1);
    const back = await c.repos.exchange.registerCreditors(office, 'case-9');
    expect(back).toHaveLength(2_345);
    expect(back.reduce((n, x) => n + x.principalFen, 0)).toBe(list.reduce((n, x) => n + x.principalFen, 0));
    expect(back[2_344]).toMatchObject({ cid: '2345', name: '王*兰', idNumber: '371002********1234' });
    const rows = await c.db.exchangeRecordBlocks.where('kind').equals('creditors-block').toArray();
    expect(rows.map((r) => r.count)).toEqual([1_000, 1_000, 345]);
    expect(await c.repos.exchange.recordCount()).toBe(1);
    expect((await c.repos.exchange.records()).map((r) => [r.kind, r.data.count])).toEqual([['creditors', 2_345]]);
    // The same package again, and a newer one with the same register: nothing rewritten.
    const before = JSON.stringify(await c.db.exchangeRecordBlocks.toArray());
    await c.repos.exchange.importPackage(pkg.bytes, 'r.cfpkg');
    const same = await c.repos.exchange.importPackage((await write('2026-12-02T00:00:00Z', true)).bytes, 'r2.cfpkg');
    expect(same.counts).toEqual({ added: 0, changed: 0, unchanged: 1, removed: 0 });
    expect(JSON.stringify(await c.db.exchangeRecordBlocks.toArray())).toBe(before);
    // A tampered frame: refused, nothing stored.
    const bad = (await write('2026-12-03T00:00:00Z', true)).bytes.slice();
    bad[bad.length - 50] = (bad[bad.length - 50] ?? 0) ^ 0x80;
    expect((await refusal(c.repos.exchange.importPackage(bad, 'bad.cfpkg'))).code).toBe('BODY_CHANGED');
    expect(JSON.stringify(await c.db.exchangeRecordBlocks.toArray())).toBe(before);
    // A newer package of the period without the register removes it and its rows.
    await c.repos.exchange.importPackage((await write('2026-12-04T00:00:00Z', false)).bytes, 'r3.cfpkg');
    expect(await c.db.exchangeRecordBlocks.count()).toBe(0);
    expect(await c.repos.exchange.registerCreditors(office, 'case-9')).toEqual([]);
  });

  it('the city reads a received register a page at a time and searches it, as sent (masked where the district masked it)', async () => {
    const d = await district();
    const c = await city(d);
    const office = (await d.repos.exchange.identity())?.office.id ?? '';
    const list = registerCreditors(2_345, (i) => (i === 2_000 ? { name: '欧阳娜娜', idNumber: '37100219800101777X' } : {}));
    const pkg = await signedBy(d, {
      createdAt: '2026-12-01T00:00:00Z',
      records: [{ kind: 'case', sourceId: 'case-9', district: '环翠区', data: { caseNumber: '环公经立〔2026〕9号', title: '某养老公司案', stage: '立案' } }],
      registers: [{ caseId: 'case-9', district: '环翠区', creditors: list.map((x) => maskCreditor(x)) }],
    });
    await c.repos.exchange.importPackage(pkg.bytes, 'r.cfpkg');
    expect(await c.repos.exchange.readReceivedRegister(office, 'case-9')).toMatchObject({
      officeName: '环翠区处非办',
      caseLabel: '环公经立〔2026〕9号 某养老公司案',
      count: 2_345,
      principalFen: list.reduce((n, x) => n + x.principalFen, 0),
      netClaimFen: list.reduce((n, x) => n + x.netClaimFen, 0),
      personalData: { included: false },
      periodLabel: '2026年第四季度',
    });
    expect(await c.repos.exchange.readReceivedRegister(office, 'case-1')).toBeNull();
    const first = await c.repos.exchange.registerPage(office, 'case-9', 0);
    expect(first.map((h) => h.n)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first[0]?.creditor).toMatchObject({ cid: '1', name: '王*兰', idNumber: '371002********1000', phone: '138****1234', principalFen: 100_000 });
    // A page across two stored rows, and the short last page.
    expect((await c.repos.exchange.registerPage(office, 'case-9', 980)).map((h) => h.creditor.cid)).toEqual(Array.from({ length: 50 }, (_, i) => String(981 + i)));
    expect((await c.repos.exchange.registerPage(office, 'case-9', 2_300)).map((h) => h.n)).toEqual(Array.from({ length: 45 }, (_, i) => 2_301 + i));
    // Search: what the masked register holds, never the names it hid.
    expect(await c.repos.exchange.searchRegister(office, 'case-9', '王秀兰')).toEqual({ hits: [], next: null });
    const found = await c.repos.exchange.searchRegister(office, 'case-9', '欧**娜');
    expect(found.hits.map((h) => [h.n, h.creditor.name, h.creditor.idNumber])).toEqual([[2_001, '欧**娜', '371002********777X']]);
    expect((await c.repos.exchange.searchRegister(office, 'case-9', '777x')).hits.map((h) => h.n)).toEqual([2_001]);
    // Many hits come a page at a time: the next search goes on where the last stopped.
    const page1 = await c.repos.exchange.searchRegister(office, 'case-9', '李*国');
    expect(page1.hits).toHaveLength(50);
    expect(page1.hits.every((h) => h.creditor.name === '李*国')).toBe(true);
    const page2 = await c.repos.exchange.searchRegister(office, 'case-9', '李*国', page1.next ?? 0);
    expect(page2.hits[0]?.n).toBe((page1.hits.at(-1)?.n ?? 0) + 2);
    let all = 0;
    for (let from: number | null = 0; from !== null; ) {
      const r = await c.repos.exchange.searchRegister(office, 'case-9', '李*国', from, 500);
      all += r.hits.length;
      from = r.next;
    }
    expect(all).toBe(list.filter((x) => x.name === '李建国').length);
  });

  it('a package from an older schema is imported (read through the record upgrades); a newer one is refused with both versions named', async () => {
    const d = await district();
    const c = await city(d);
    const caseRecord = { kind: 'case', sourceId: 'old-case', district: '环翠区', data: { id: 'old-case', caseNumber: '环公经立〔2026〕1号', title: '旧版本报送的案件', stage: '立案' } };
    const write = (schemaVersion: number, createdAt: string) => signedBy(d, { records: [caseRecord], appVersion: '0.0.9', schemaVersion, createdAt });
    const older = await write(6, '2026-12-01T00:00:00Z');
    const outcome = await c.repos.exchange.importPackage(older.bytes, 'old.cfpkg');
    expect(outcome.counts.added).toBe(1);
    expect((await c.repos.exchange.records({ kind: 'case' }))[0]?.data.title).toBe('旧版本报送的案件');
    expect((await c.db.exchangePackages.toArray())[0]?.schemaVersion).toBe(6);
    const newer = await write(CURRENT_SCHEMA_VERSION + 1, '2026-12-02T00:00:00Z');
    const e = await refusal(c.repos.exchange.importPackage(newer.bytes, 'new.cfpkg'));
    expect(e.message).toContain(`数据结构第 ${CURRENT_SCHEMA_VERSION + 1} 版，本机为第 ${CURRENT_SCHEMA_VERSION} 版`);
    expect(await c.repos.exchange.recordCount()).toBe(1);
  });

  it('an unknown office is refused; one registered by phone fingerprint is accepted and its key pinned', async () => {
    const d = await district();
    const c = makeTestRepos();
    const pkg = await make(d);
    expect((await refusal(c.repos.exchange.importPackage(pkg.bytes, pkg.fileName))).code).toBe('UNKNOWN_SENDER');
    const fp = (await d.repos.exchange.identity())?.fingerprint ?? '';
    const bad = await c.repos.exchange.addOfficeByFingerprint({ name: '环翠区处非办', level: 'district', district: '环翠区', fingerprint: '1234' });
    expect(bad).toEqual({ ok: false, errors: { fingerprint: '公钥指纹应为 25 位数字，现在是 4 位，请与对方单位核对。' } });
    const added = await c.repos.exchange.addOfficeByFingerprint({ name: '环翠区处非办', level: 'district', district: '环翠区', fingerprint: fp.replaceAll(' ', '-') });
    expect(added.ok).toBe(true);
    const outcome = await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    expect(outcome.pinsKey).toBe(true);
    const [row] = await c.repos.exchange.offices();
    expect(row?.publicKey).toBe((await d.repos.exchange.identity())?.publicKey);
  });

  it("two offices' records with the same source ids never overwrite each other", async () => {
    const d1 = await district();
    const d2 = makeTestRepos();
    await d2.repos.exchange.saveIdentity({ name: '文登区处非办', level: 'district', district: '文登区' });
    // The same source record id at both offices (ids are only unique per office).
    for (const row of await d1.db.cases.toArray()) await d2.db.cases.put({ ...row, district: '文登区' });
    const c = await city(d1);
    const added = await c.repos.exchange.addOfficeFromKeyFile((await d2.repos.exchange.exportKeyFile()).text);
    expect(added.ok).toBe(true);
    const p1 = await make(d1);
    const p2 = await make(d2);
    await c.repos.exchange.importPackage(p1.bytes, p1.fileName);
    await c.repos.exchange.importPackage(p2.bytes, p2.fileName);
    const cases = await c.repos.exchange.records({ kind: 'case' });
    expect(cases.map((r) => `${r.officeName}:${r.district}`).sort()).toEqual(['文登区处非办:文登区', '环翠区处非办:环翠区']);
  });

  it('personal data is included only on purpose, with a reason, recorded in the package and the audit log', async () => {
    const d = await district();
    await expect(d.repos.exchange.makePackage({ period: Q4, includePersonal: true, personalReason: ' ', creditorCaseIds: [], recipientId: null, appVersion: '0.1.0' })).rejects.toThrow('请填写原因');
    const pkg = await make(d, { includePersonal: true });
    expect(pkg.header.personalData).toMatchObject({ included: true, reason: '市处非办来函要求' });
    const exported = (await d.repos.audit.page(0, 100)).find((e) => e.entity === 'exchangePackage' && e.action === 'export');
    expect(exported?.after).toMatchObject({ personalData: { included: true, reason: '市处非办来函要求' } });
  });
});

describe('roles', () => {
  it('only a 管理员 sets the identity and adds offices; a 审核 cannot make packages', async () => {
    const t = makeUserRepos();
    const ids = await office(t.repos);
    await signInAs(t.repos, ids.clerk);
    await expect(t.repos.exchange.saveIdentity({ name: '环翠区处非办', level: 'district', district: '环翠区' })).rejects.toSatisfy(isPermissionDenied);
    await signInAs(t.repos, ids.admin);
    expect((await t.repos.exchange.saveIdentity({ name: '环翠区处非办', level: 'district', district: '环翠区' })).ok).toBe(true);
    await signInAs(t.repos, ids.reviewer);
    await expect(t.repos.exchange.makePackage({ period: Q4, includePersonal: false, personalReason: '', creditorCaseIds: [], recipientId: null, appVersion: '0.1.0' })).rejects.toSatisfy(isPermissionDenied);
    await signInAs(t.repos, ids.clerk);
    expect((await t.repos.exchange.makePackage({ period: Q4, includePersonal: false, personalReason: '', creditorCaseIds: [], recipientId: null, appVersion: '0.1.0' })).bytes.length).toBeGreaterThan(100);
    expect((await refusals(t.repos)).map((r) => r.entity).sort()).toEqual(['exchange', 'exchangePackage']);
  });

  it("a received creditor's full ID number is shown only to staff who may see personal data, and audited", async () => {
    const t = makeUserRepos();
    const ids = await office(t.repos);
    await signInAs(t.repos, ids.admin);
    await expect(t.repos.exchange.recordRegisterReveal('office-x', 'case-9', { n: 7, name: '王秀兰' })).rejects.toSatisfy(isPermissionDenied);
    await signInAs(t.repos, ids.clerk);
    await t.repos.exchange.recordRegisterReveal('office-x', 'case-9', { n: 7, name: '王秀兰' });
    const revealed = (await t.repos.audit.page(0, 100)).filter((a) => a.action === 'reveal');
    expect(revealed.map((a) => [a.entity, a.entityId, (a.after as { n?: number }).n])).toEqual([['exchangeRegister', 'office-x|case-9', 7]]);
  });
});

function makeLater(t: T): T {
  // The same database seen through a clock two days later (a newer package of the same period).
  const ctx = { ...t.ctx, now: () => new Date('2026-11-28T09:00:00+08:00') };
  return { ...t, ctx, repos: { ...t.repos, exchange: new (t.repos.exchange.constructor as typeof import('../../../renderer/src/db/repositories/exchange-repository').ExchangeRepository)(ctx, t.repos.creditors, t.repos.figures, t.repos.clues, t.repos.petitions) } };
}

describe('notices and assignments from the city to a district', () => {
  async function cityWithItems(d: T) {
    const c = await city(d);
    await c.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '周主任' });
    const clue = await c.repos.clues.register(clueForm());
    const pet = await c.repos.petitions.register(petitionForm({ level: '到市' }));
    if (!clue.ok || !pet.ok) throw new Error('setup');
    // The district trusts the city's key the same way the city trusts the district's.
    const trusted = await d.repos.exchange.addOfficeFromKeyFile((await c.repos.exchange.exportKeyFile()).text);
    if (!trusted.ok) throw new Error(trusted.message);
    const recipient = (await c.repos.exchange.offices())[0];
    if (!recipient) throw new Error('recipient');
    return { c, clueId: clue.clueId, clueNo: clue.clueNo, petitionId: pet.petitionId, recipientId: recipient.id };
  }

  it('the district imports the package: the notice is kept, the clue and the petition land in its lists once', async () => {
    const d = await district();
    const { c, clueId, clueNo, petitionId, recipientId } = await cityWithItems(d);
    const made = await c.repos.exchange.makeNoticePackage({
      recipientId,
      notice: { title: '关于开展第四季度排查的通知', body: '请各区县于12月20日前报送排查结果。' },
      clueIds: [clueId],
      petitionIds: [petitionId],
      request: '请于10个工作日内核查并报送结果',
      includePersonal: false,
      personalReason: '',
      appVersion: '0.1.0',
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    expect(made.value.header).toMatchObject({ kind: 'notice', counts: { notice: 1, assignment: 2 } });
    const cluesBefore = (await d.repos.clues.list()).length;
    const petitionsBefore = await d.db.petitions.count();
    const outcome = await d.repos.exchange.importPackage(made.value.bytes, made.value.fileName);
    expect(outcome.landed.map((l) => [l.target, l.fromNumber])).toEqual([
      ['clue', clueNo],
      ['petition', expect.any(String)],
    ]);
    const clues = await d.repos.clues.list();
    expect(clues).toHaveLength(cluesBefore + 1);
    const landedClue = clues.find((x) => x.id === outcome.landed[0]?.id);
    expect(landedClue).toMatchObject({ channel: '上级交办', anonymous: true });
    expect(landedClue?.allegation).toContain(`【威海市处非办交办 ${clueNo}】请于10个工作日内核查并报送结果`);
    const landedPetition = await d.db.petitions.get(outcome.landed[1]?.id ?? '');
    expect(landedPetition?.body).toMatchObject({ channel: '上级转办', petitioners: [{ kind: 'entered', name: '张*国' }] });
    expect(await d.db.petitions.count()).toBe(petitionsBefore + 1);
    const notices = await d.repos.exchange.records({ kind: 'notice' });
    expect(notices.map((n) => sectionOf(n.kind).title(n.data))).toEqual([expect.stringContaining('关于开展第四季度排查的通知')]);
    // The same file again lands nothing more.
    const again = await d.repos.exchange.importPackage(made.value.bytes, made.value.fileName);
    expect(again.alreadyImported).toBe(true);
    expect(await d.repos.clues.list()).toHaveLength(cluesBefore + 1);
    expect(await d.db.petitions.count()).toBe(petitionsBefore + 1);
  });

  it('a notice package for another office is refused, naming both; a notice without a title is not made', async () => {
    const d = await district();
    const { c, recipientId } = await cityWithItems(d);
    const empty = await c.repos.exchange.makeNoticePackage({ recipientId, notice: { title: ' ', body: '' }, clueIds: [], petitionIds: [], request: '', includePersonal: false, personalReason: '', appVersion: '0.1.0' });
    expect(empty).toEqual({ ok: false, errors: { title: expect.stringContaining('请填写通知标题'), body: '请填写通知正文。' } });
    const made = await c.repos.exchange.makeNoticePackage({ recipientId, notice: { title: '通知', body: '正文' }, clueIds: [], petitionIds: [], request: '', includePersonal: false, personalReason: '', appVersion: '0.1.0' });
    if (!made.ok) throw new Error('made');
    // Another district that also trusts the city receives the file by mistake.
    const other = makeTestRepos();
    await other.repos.exchange.saveIdentity({ name: '文登区处非办', level: 'district', district: '文登区' });
    await other.repos.exchange.addOfficeFromKeyFile((await c.repos.exchange.exportKeyFile()).text);
    const e = await refusal(other.repos.exchange.importPackage(made.value.bytes, made.value.fileName));
    expect(e.code).toBe('NOT_FOR_THIS_OFFICE');
    expect(e.message).toContain('这是「威海市处非办」发给「环翠区处非办」的通知包');
    expect(await other.repos.exchange.recordCount()).toBe(0);
  });
});

describe('exchange data in backups', () => {
  it('the identity with its signing key and the received records travel in the backup', async () => {
    const d = await district();
    const c = await city(d);
    const pkg = await make(d);
    await c.repos.exchange.importPackage(pkg.bytes, pkg.fileName);
    const backups = new MemoryBackups();
    const made = await backupDatabase(c.db, backups, { reason: 'manual', appVersion: '0.1.0' });
    const inspection = await inspectForRestore(handleFor('city.cfbak', backups.get(made?.fileName ?? '')));
    expect(inspection.rowCounts).toMatchObject({ exchangeOffices: 1, exchangePackages: 1, exchangeRecordBlocks: 2 });
    // The city saved nothing but its identity: the one settings row is that section, private key included.
    expect(inspection.rowCounts.settings).toBe(1);
    expect(JSON.stringify((await c.db.settings.toArray())[0])).toContain('privateKey');
  });
});
