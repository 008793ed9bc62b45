// Input checks for a batch allocation. Errors are returned (never thrown) with the JSON path of the
// field and a Chinese message saying what to fix, so the batch form and the CLI show them as they are.
import { findDuplicateIds } from './duplicate-ids';
import type { AllocationInput, AllocationInputError } from './types';

/** Stop listing after this many problems: a broken million-row file should not yield a million lines. */
const MAX_ERRORS = 50;

function fenProblem(value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return '必须是数字（以分为单位的整数）';
  // JSON reads 1e400 as Infinity: say what it is, not that it has decimals.
  if (!Number.isFinite(value)) return '不是有限的数（超出了数字的表示范围，如 1e400），请填写以分为单位的整数';
  if (!Number.isSafeInteger(value)) {
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
    add('（根）', '清退方案必须是一个对象：{"amountFen":…,"claims":[…]}');
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
  const claims: readonly unknown[] = plan.claims;
  // ids[i] stays undefined for rows without a usable id, so duplicate rows keep their row numbers.
  const ids: (string | undefined)[] = new Array(claims.length);
  let remainingTotal = 0;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    if (typeof claim === 'object' && claim !== null) {
      const row = claim as Record<string, unknown>;
      const id = row.id;
      const net = row.netClaimFen;
      const paid = row.paidFen;
      // Fast path: a well-formed row builds no strings (a million rows must validate in ~100 ms);
      // an id starting with a visible ASCII character cannot be blank, so trim() is skipped.
      if (
        typeof id === 'string' &&
        Number.isSafeInteger(net) &&
        Number.isSafeInteger(paid) &&
        (paid as number) >= 0 &&
        (paid as number) <= (net as number) &&
        id.length > 0 &&
        ((id.charCodeAt(0) > 32 && id.charCodeAt(0) < 127) || id.trim() !== '')
      ) {
        ids[i] = id;
        remainingTotal += (net as number) - (paid as number);
        continue;
      }
    }
    if (!reportClaim(claim, i, add, ids)) return errors;
  }
  for (const { index, firstIndex } of findDuplicateIds(ids, MAX_ERRORS - errors.length)) {
    const who = `第 ${index + 1} 条（${ids[index]}）`;
    add(`claims[${index}].id`, `${who}的编号与第 ${firstIndex + 1} 条重复；同一人的多笔投资应合并为一条债权`);
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
  ids: (string | undefined)[],
): boolean {
  const row = `claims[${i}]`;
  if (typeof claim !== 'object' || claim === null) {
    return add(row, `第 ${i + 1} 条债权不是对象，应为 {"id":…,"netClaimFen":…,"paidFen":…}`);
  }
  const { id, netClaimFen, paidFen } = claim as Record<string, unknown>;
  const named = typeof id === 'string' && id.trim() !== '';
  const who = named ? `第 ${i + 1} 条（${id}）` : `第 ${i + 1} 条`;
  if (named) {
    ids[i] = id;
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
