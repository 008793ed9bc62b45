// Input checks for a batch allocation. Errors are returned (never thrown) with the JSON path of the
// field and a Chinese message saying what to fix, so the batch form and the CLI show them as they are.
import { findDuplicateIds } from './duplicate-ids';
import type { AllocationInput, AllocationInputError } from './types';

/** Stop listing after this many problems: a broken million-row file should not yield a million lines. */
const MAX_ERRORS = 50;

function fenProblem(value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return '必须是数字（以分为单位的整数）';
  if (!Number.isFinite(value) || !Number.isSafeInteger(value)) {
    return Number.isInteger(value) ? '金额过大，超出可精确计算的范围' : '必须是整数分，不能有小数（1 元 = 100 分）';
  }
  if (value < 0) return '不能为负数';
  return null;
}

/**
 * Checks amounts, ids and claims. Returns [] when the input can be allocated. The total of remaining
 * claims must stay a safe integer so every sum in the allocation is exact.
 */
export function validateAllocationInput(input: unknown): AllocationInputError[] {
  const errors: AllocationInputError[] = [];
  const add = (field: string, message: string): boolean => {
    errors.push({ field, message });
    return errors.length < MAX_ERRORS;
  };
  if (typeof input !== 'object' || input === null) {
    add('(根)', '清退方案必须是一个对象：{"amountFen":…,"claims":[…]}');
    return errors;
  }
  const plan = input as Partial<Record<keyof AllocationInput, unknown>>;
  const amountProblem = fenProblem(plan.amountFen);
  if (amountProblem) add('amountFen', `本批清退金额 amountFen ${amountProblem}，请填写本批要分配的金额（分）`);
  for (const key of ['smallClaimThresholdFen', 'minPaymentFen'] as const) {
    const value = plan[key];
    if (value === undefined || value === null) continue;
    const problem = fenProblem(value);
    const label = key === 'smallClaimThresholdFen' ? '小额优先上限' : '最低支付额';
    if (problem) add(key, `${label} ${key} ${problem}；不使用此规则请留空或填 0`);
  }
  if (!Array.isArray(plan.claims)) {
    add('claims', '债权清单 claims 必须是数组：[{"id":…,"netClaimFen":…,"paidFen":…}]');
    return errors;
  }
  const ids: string[] = [];
  const idRows: number[] = [];
  let remainingTotal = 0;
  const claims: readonly unknown[] = plan.claims;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    if (typeof claim === 'object' && claim !== null) {
      const { id, netClaimFen: net, paidFen: paid } = claim as Record<string, unknown>;
      // Fast path: a well-formed row builds no strings (a million rows must validate in ~100 ms).
      if (
        typeof id === 'string' &&
        Number.isSafeInteger(net) &&
        Number.isSafeInteger(paid) &&
        (paid as number) >= 0 &&
        (paid as number) <= (net as number) &&
        id.trim() !== ''
      ) {
        ids.push(id);
        idRows.push(i);
        remainingTotal += (net as number) - (paid as number);
        continue;
      }
    }
    if (!reportClaim(claim, i, add, ids, idRows)) return errors;
  }
  for (const { index, firstIndex } of findDuplicateIds(ids, MAX_ERRORS - errors.length)) {
    const row = idRows[index] as number;
    const first = idRows[firstIndex] as number;
    const who = `第 ${row + 1} 条（${ids[index]}）`;
    add(`claims[${row}].id`, `${who}的编号与第 ${first + 1} 条重复；同一人的多笔投资应合并为一条债权`);
  }
  if (!Number.isSafeInteger(remainingTotal)) {
    add('claims', '剩余债权合计超出可精确计算的范围（约 90 万亿元），请核对金额单位是否为分');
  }
  return errors;
}

/** Slow path for a row that failed the fast check: says exactly what is wrong. False: stop listing. */
function reportClaim(
  claim: unknown,
  i: number,
  add: (field: string, message: string) => boolean,
  ids: string[],
  idRows: number[],
): boolean {
  const row = `claims[${i}]`;
  if (typeof claim !== 'object' || claim === null) {
    return add(row, `第 ${i + 1} 条债权不是对象，应为 {"id":…,"netClaimFen":…,"paidFen":…}`);
  }
  const { id, netClaimFen, paidFen } = claim as Record<string, unknown>;
  const named = typeof id === 'string' && id.trim() !== '';
  const who = named ? `第 ${i + 1} 条（${id}）` : `第 ${i + 1} 条`;
  if (named) {
    ids.push(id);
    idRows.push(i);
  } else if (!add(`${row}.id`, `${who}缺少集资参与人编号 id，请填写非空的文本编号`)) {
    return false;
  }
  const netProblem = fenProblem(netClaimFen);
  if (netProblem && !add(`${row}.netClaimFen`, `${who}核定清退基数 netClaimFen ${netProblem}`)) return false;
  const paidProblem = fenProblem(paidFen);
  if (paidProblem && !add(`${row}.paidFen`, `${who}已清退金额 paidFen ${paidProblem}`)) return false;
  if (!netProblem && !paidProblem && (paidFen as number) > (netClaimFen as number)) {
    const message = `${who}已清退金额 ${paidFen} 分大于核定清退基数 ${netClaimFen} 分；请核对已付款记录或核定金额`;
    return add(`${row}.paidFen`, message);
  }
  return true;
}
