// The creditor register's bounded reads (issue 17): one creditor by cid, and the whole register a
// few blocks at a time, as the petition form, the case's documents and the refund notices use them.
import { describe, expect, it, vi } from 'vitest';
import type { Creditor } from '../../../renderer/src/core/creditors';
import { residentIdCheckChar } from '../../../renderer/src/core/identity';
import type { CreditorImportFile, StoredCreditor } from '../../../renderer/src/db/repositories/creditor-repository';
import { makeTestRepos } from './test-db';

function residentId(n: number): string {
  const d = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 900) * 86_400_000);
  const body = `110105${d.toISOString().slice(0, 10).replaceAll('-', '')}${String((n % 900) + 100)}`;
  return body + residentIdCheckChar(body);
}

const creditor = (n: number): Creditor => ({
  name: `参与人${n}`,
  idType: 'resident',
  idNumber: residentId(n),
  contracts: [{ principalFen: 100_000 + n, returnedFen: 0, sourceRow: n + 2, note: '' }],
  principalFen: 100_000 + n,
  returnedFen: 0,
  netClaimFen: 100_000 + n,
  status: '待核实',
  exclusion: null,
});

const file: CreditorImportFile = { fileName: 'r.xlsx', fileHash: 'cd'.repeat(32), sheetName: 'Sheet1', dataRows: 1, okRows: 1, warningRows: 0, errorRows: 0 };

async function importList(repos: ReturnType<typeof makeTestRepos>['repos'], list: Creditor[], mode: 'merge' | 'replace' = 'merge') {
  const plan = await repos.creditors.planImport('case-1', list, { mode });
  const result = await repos.creditors.commitImport(plan, file);
  expect(result.ok).toBe(true);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('CreditorRepository.findCreditor', () => {
  it('finds any creditor of a register of several blocks, the full record as loadCase has it', async () => {
    const { repos, db } = makeTestRepos();
    await importList(repos, range(0, 2_500).map(creditor));
    await importList(repos, range(2_500, 2_700).map(creditor));
    const all = await repos.creditors.loadCase('case-1');
    expect(all).toHaveLength(2_700);
    // Found by halving on the blocks' cids: single block reads, never the register.
    const bulk = vi.spyOn(db.creditorBlocks, 'bulkGet');
    const single = vi.spyOn(db.creditorBlocks, 'get');
    for (const at of [0, 1, 999, 1_000, 1_777, 2_499, 2_500, 2_699]) {
      const want = all[at] as StoredCreditor;
      expect(await repos.creditors.findCreditor('case-1', want.cid)).toEqual(want);
    }
    expect(bulk).not.toHaveBeenCalled();
    expect(single.mock.calls.length).toBeLessThanOrEqual(8 * 2);
  });

  it('finds creditors of a register whose order is not the order of their cids (a replacing import)', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, range(0, 2_100).map(creditor));
    // The file's order, reversed: the kept creditors keep their cids, so cids run backwards.
    await importList(repos, range(0, 2_100).reverse().map(creditor), 'replace');
    const all = await repos.creditors.loadCase('case-1');
    expect(all[0]?.name).toBe('参与人2099');
    for (const at of [0, 500, 1_000, 1_050, 2_099]) {
      const want = all[at] as StoredCreditor;
      expect(await repos.creditors.findCreditor('case-1', want.cid)).toEqual(want);
    }
  });

  it('finds a creditor added by hand after an import, and null for an unknown cid or a case without a register', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, range(0, 1_200).map(creditor));
    const saved = await repos.creditors.save('case-1', null, {
      name: '王五',
      idType: '',
      idNumber: residentId(9_999),
      phone: '',
      address: '',
      bankName: '',
      bankAccount: '',
      status: '待核实',
      exclusion: null,
      contracts: [{ principal: '10,000', returned: '', note: '' }],
    });
    expect(saved.ok).toBe(true);
    const cid = saved.ok ? saved.cid : '';
    expect((await repos.creditors.findCreditor('case-1', cid))?.name).toBe('王五');
    expect(await repos.creditors.findCreditor('case-1', '99999')).toBeNull();
    expect(await repos.creditors.findCreditor('case-1', 'x')).toBeNull();
    expect(await repos.creditors.findCreditor('case-2', '1')).toBeNull();
  });
});

describe('CreditorRepository.scanCase', () => {
  it('hands over the whole register in order, a few blocks at a time, with progress', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, range(0, 45_500).map(creditor));
    const seen: string[] = [];
    const steps: [number, number, number][] = [];
    const count = await repos.creditors.scanCase('case-1', (creditors, done, total) => {
      for (const c of creditors) seen.push(c.cid);
      steps.push([creditors.length, done, total]);
    });
    expect(count).toBe(45_500);
    expect(seen).toEqual((await repos.creditors.loadCase('case-1')).map((c) => c.cid));
    // 46 blocks, 20 per step: no step holds the whole register.
    expect(steps).toEqual([
      [20_000, 20, 46],
      [20_000, 40, 46],
      [5_500, 46, 46],
    ]);
  }, 60_000);

  it('visits nothing for a case without a register', async () => {
    const { repos } = makeTestRepos();
    let calls = 0;
    expect(
      await repos.creditors.scanCase('case-9', () => {
        calls++;
      }),
    ).toBe(0);
    expect(calls).toBe(0);
  });

  it('stops when cancelled, and refuses to go on when the register is replaced meanwhile', async () => {
    const { repos } = makeTestRepos();
    await importList(repos, range(0, 41_000).map(creditor));
    const abort = new AbortController();
    let steps = 0;
    await expect(
      repos.creditors.scanCase(
        'case-1',
        () => {
          steps++;
          abort.abort();
        },
        abort.signal,
      ),
    ).rejects.toThrow();
    expect(steps).toBe(1);

    let replaced = false;
    await expect(
      repos.creditors.scanCase('case-1', async () => {
        if (replaced) return;
        replaced = true;
        await importList(repos, range(0, 10).map(creditor), 'replace');
      }),
    ).rejects.toThrow('读取期间本案的集资参与人名单已被修改（导入或编辑），请重新操作。');
    expect(replaced).toBe(true);
  }, 60_000);
});
