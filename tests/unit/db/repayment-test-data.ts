// Test data for the repayment repository: a case and a creditor register written through the
// creditor repository's own import path (so blocks are stored exactly as the app stores them).
import { type CaseDraft, emptyCaseDraft } from '../../../renderer/src/core/cases/case-draft';
import type { Creditor, CreditorStatus, Exclusion } from '../../../renderer/src/core/creditors';
import { residentIdCheckChar } from '../../../renderer/src/core/identity';
import type { makeTestRepos } from './test-db';

type Repos = ReturnType<typeof makeTestRepos>['repos'];

export function residentId(n: number): string {
  const d = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 900) * 86_400_000);
  const body = `110105${d.toISOString().slice(0, 10).replaceAll('-', '')}${String((n % 900) + 100)}`;
  return body + residentIdCheckChar(body);
}

export interface TestCreditor {
  readonly name: string;
  readonly netClaimFen: number;
  readonly status?: CreditorStatus;
  readonly exclusion?: Exclusion;
  readonly bankAccount?: string;
}

export function creditor(n: number, c: TestCreditor): Creditor {
  return {
    name: c.name,
    idType: 'resident',
    idNumber: residentId(n),
    bankName: '中国工商银行威海分行',
    bankAccount: c.bankAccount ?? `62220202001122${String(n).padStart(5, '0')}`,
    contracts: [{ principalFen: c.netClaimFen, returnedFen: 0, sourceRow: n + 1, note: '' }],
    principalFen: c.netClaimFen,
    returnedFen: 0,
    netClaimFen: c.netClaimFen,
    status: c.status ?? '已核实',
    exclusion: c.exclusion ?? null,
  };
}

export async function createCase(repos: Repos): Promise<string> {
  const draft: CaseDraft = {
    ...emptyCaseDraft('2020-12-01'),
    caseNumber: '威公经立〔2020〕15号',
    title: '威海某某养老服务有限公司涉嫌非法吸收公众存款案',
    charge: '非法吸收公众存款',
    sector: '养老',
    district: '环翠区',
    filedDate: '2020-06-01',
    stage: '立案',
    stageDate: '2020-06-01',
  };
  const result = await repos.cases.create(draft, ['环翠区']);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.caseId;
}

/** Writes creditors n = first, first+1, … through the creditor repository's import. */
export async function importCreditors(repos: Repos, caseId: string, list: readonly TestCreditor[], first = 1): Promise<void> {
  const plan = await repos.creditors.planImport(caseId, list.map((c, i) => creditor(first + i, c)));
  const result = await repos.creditors.commitImport(plan, {
    fileName: 'register.xlsx',
    fileHash: `${first}`.padStart(64, '0'),
    sheetName: 'Sheet1',
    dataRows: list.length,
    okRows: list.length,
    warningRows: 0,
    errorRows: 0,
  });
  if (!result.ok) throw new Error(result.message);
}

export const batchDraft = (amountText: string, patch: Partial<{ date: string; smallClaimsFirst: boolean; thresholdText: string; minPaymentText: string }> = {}) => ({
  amountText,
  date: '2026-11-20',
  smallClaimsFirst: false,
  thresholdText: '',
  minPaymentText: '',
  ...patch,
});
