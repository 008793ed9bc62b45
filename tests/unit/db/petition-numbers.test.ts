import { describe, expect, it } from 'vitest';
import { emptyCaseDraft } from '../../../renderer/src/core/cases/case-draft';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { petitionForm } from './intake-forms';
import { makeTestRepos } from './test-db';

// 信访件编号 (issue 11): given on registration from the prefix in settings and a sequence per year
// of receipt, in the registration's own transaction: atomic, never reused, none for a refused form.
// The test clock is 2026-11-26.

const form = petitionForm;

async function setUp(prefix?: string) {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...DEFAULT_SETTINGS, operatorName: '林淼', ...(prefix ? { petitionPrefix: prefix } : {}) });
  return t;
}

const numberOf = async (t: Awaited<ReturnType<typeof setUp>>, id: string) => (await t.repos.petitions.get(id))?.registerNo;

describe('petition numbers', () => {
  it('number petitions 1, 2, 3 … per year of receipt with the prefix from settings', async () => {
    const t = await setUp('威处非信');
    const a = await t.repos.petitions.register(form());
    const b = await t.repos.petitions.register(form({ receivedOn: '2026-11-01' }));
    const c = await t.repos.petitions.register(form({ receivedOn: '2025-12-30' }));
    expect([a, b, c].map((r) => (r.ok ? r.registerNo : r.errors))).toEqual(['威处非信〔2026〕1号', '威处非信〔2026〕2号', '威处非信〔2025〕1号']);
    if (!a.ok) throw new Error('registered');
    expect(await numberOf(t, a.petitionId)).toBe('威处非信〔2026〕1号');
    // The number is in the audit entry of the registration.
    const audit = await t.repos.audit.forEntity('petitions', a.petitionId);
    expect(audit[0]?.after).toMatchObject({ registerNo: '威处非信〔2026〕1号' });
  });

  it('use the default prefix before settings name one, and a changed prefix from then on, without restarting the sequence', async () => {
    const t = await setUp();
    const first = await t.repos.petitions.register(form());
    expect(first.ok && first.registerNo).toBe('处非信〔2026〕1号');
    await t.repos.settings.save({ ...(await t.repos.settings.get()), petitionPrefix: '荣处非信' });
    const second = await t.repos.petitions.register(form());
    expect(second.ok && second.registerNo).toBe('荣处非信〔2026〕2号');
  });

  it('give no number to a refused registration, and never the same number twice', async () => {
    const t = await setUp('威处非信');
    const refused = await t.repos.petitions.register(form({ demands: '' }));
    expect(refused.ok).toBe(false);
    expect((await t.repos.petitions.peekNumber('2026-10-09')).ok && (await t.repos.petitions.peekNumber('2026-10-09'))).toMatchObject({ number: '威处非信〔2026〕1号' });
    // Peeking reserves nothing; registrations started together still get distinct numbers.
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => t.repos.petitions.register(form())));
    const numbers = all.map((r) => (r.ok ? r.registerNo : ''));
    expect([...numbers].sort()).toEqual(['威处非信〔2026〕1号', '威处非信〔2026〕2号', '威处非信〔2026〕3号', '威处非信〔2026〕4号', '威处非信〔2026〕5号']);
    expect(await t.db.petitionCounters.get('2026')).toEqual({ id: '2026', next: 6 });
  });

  it('number a petition registered before numbering once, audited, and refuse to renumber', async () => {
    const t = await setUp('威处非信');
    const made = await t.repos.petitions.register(form());
    if (!made.ok) throw new Error('registered');
    // A petition from before version 7: no number.
    const row = await t.db.petitions.get(made.petitionId);
    if (!row) throw new Error('row');
    const { registerNo: _dropped, ...body } = row.body;
    await t.db.petitions.put({ ...row, id: 'old', body: { ...body, id: 'old' } });
    const assigned = await t.repos.petitions.assignNumber('old');
    expect(assigned).toEqual({ ok: true, registerNo: '威处非信〔2026〕2号' });
    expect(await numberOf(t, 'old')).toBe('威处非信〔2026〕2号');
    expect((await t.repos.audit.forEntity('petitions', 'old')).map((e) => e.after)).toEqual([{ registerNo: '威处非信〔2026〕2号' }]);
    expect(await t.repos.petitions.assignNumber('old')).toEqual({ ok: false, message: '该信访件已有编号 威处非信〔2026〕2号，编号不能更改' });
  });

  it('refuse over-long text in the repository too, storing nothing and taking no number', async () => {
    const t = await setUp('威处非信');
    const r = await t.repos.petitions.register(form({ demands: '某'.repeat(2001) }));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['诉求：不能超过 2000 字（现有 2001 字），请精简。']);
    expect(await t.db.petitions.count()).toBe(0);
    expect(await t.db.petitionCounters.count()).toBe(0);
    const ok = await t.repos.petitions.register(form());
    if (!ok.ok) throw new Error('registered');
    const step = await t.repos.petitions.applyEvent(ok.petitionId, { type: 'reject', date: '2026-10-10', reason: '因'.repeat(1001) });
    expect(step).toEqual({ ok: false, error: '不予受理理由：不能超过 1000 字（现有 1001 字），请精简。' });
    expect((await t.repos.petitions.get(ok.petitionId))?.status).toBe('登记');
  });

  it('refuse a 200,000-字 case title in the repository: nothing stored, nothing audited', async () => {
    const t = await setUp();
    const before = await t.db.audit.count();
    const draft = { ...emptyCaseDraft('2026-11-26'), caseNumber: 'A-1', title: '某'.repeat(200_000), charge: '集资诈骗' as const, sector: '养老' as const, district: '环翠区' };
    const r = await t.repos.cases.create(draft, []);
    expect(r.ok ? {} : r.errors).toEqual({ title: '案件名称：不能超过 200 字（现有 200000 字），请精简。' });
    expect(await t.db.cases.count()).toBe(0);
    expect(await t.db.audit.count()).toBe(before);
  });
});
