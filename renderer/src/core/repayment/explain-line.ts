// The "ratio and formula" a batch line shows (每户清退比例及计算公式), built on demand from the
// typed per-line data so a million-line batch keeps no explanation objects in memory.
import { formatFen } from '../money';
import { formatExactQuotient, formatRatePercent } from './rate';
import type { AllocationPool, AllocationResult } from './types';
import { LINE_FLAG } from './types';

export interface AllocationLineExplanation {
  readonly id: string;
  readonly remainingFen: number;
  readonly amountFen: number;
  /** The pool the line was paid from, or null when it gets nothing this batch. */
  readonly pool: AllocationPool | null;
  /** Pool amount / pool remaining claims, e.g. "37.3100%"; "—" when not paid. */
  readonly ratio: string;
  /** Human-readable formula in Chinese, e.g. "1,000.00 × 5,000.00 ÷ 13,401.23 = 373.1000 元 → 373.10 元". */
  readonly formula: string;
  readonly paidInFull: boolean;
  readonly smallClaim: boolean;
  readonly belowMinimum: boolean;
  readonly roundedUp: boolean;
  readonly nothingRemaining: boolean;
  /** Net claim 0 from the start: the returns received were not less than the principal. */
  readonly noClaim: boolean;
  readonly waitingForSmallClaims: boolean;
}

const POOL_LABEL: Record<AllocationPool['kind'], string> = {
  smallClaims: '小额优先',
  proRata: '按比例清退',
  paidInFull: '全额清偿',
};

export function explainAllocationLine(result: AllocationResult, index: number): AllocationLineExplanation {
  const line = result.allocations[index];
  if (!line) throw new RangeError(`explainAllocationLine: no line ${index}`);
  const flags = result.lines.flags[index] ?? 0;
  const remainingFen = result.lines.remainingFen[index] ?? 0;
  const pool = result.pools[result.lines.poolIndex[index] ?? -1] ?? null;
  const has = (bit: number): boolean => (flags & bit) !== 0;
  const base = {
    id: line.id,
    remainingFen,
    amountFen: line.amountFen,
    pool,
    paidInFull: has(LINE_FLAG.paidInFull),
    smallClaim: has(LINE_FLAG.smallClaim),
    belowMinimum: has(LINE_FLAG.belowMinimum),
    roundedUp: has(LINE_FLAG.roundedUp),
    nothingRemaining: has(LINE_FLAG.nothingRemaining),
    noClaim: has(LINE_FLAG.noClaim),
    waitingForSmallClaims: has(LINE_FLAG.waitingForSmallClaims),
  };
  if (!pool) {
    let why = '本批不分配';
    // Say what is true: a person whose returns covered the principal never had a claim to refund.
    if (base.noClaim) why = '无待清退债权：已收回款项不少于本金（核定清退基数为 0）';
    else if (base.nothingRemaining) why = '剩余债权为 0：此前批次已全部清退';
    else if (base.belowMinimum) why = '按比例应得金额低于最低支付额，本批为 0，结转下一批次';
    else if (base.waitingForSmallClaims) why = '本批金额不足以清偿全部小额债权，非小额债权本批为 0';
    return { ...base, ratio: '—', formula: why };
  }
  const ratio = formatRatePercent(pool.amountFen, pool.remainingFen, 4);
  if (pool.amountFen === pool.remainingFen) {
    return { ...base, ratio, formula: `${POOL_LABEL[pool.kind]}：剩余债权 ${formatFen(remainingFen)} 元全额清偿` };
  }
  const exact = formatExactQuotient(pool.amountFen, remainingFen, pool.remainingFen, 4);
  const exactYuan = fenDecimalToYuan(exact);
  const rounding = base.roundedUp ? '（最大余额法进 1 分）' : '（取整到分）';
  const formula =
    `${POOL_LABEL[pool.kind]}：${formatFen(pool.amountFen)} × ${formatFen(remainingFen)} ÷ ` +
    `${formatFen(pool.remainingFen)} = ${exactYuan} 元 → ${formatFen(line.amountFen)} 元${rounding}`;
  return { ...base, ratio, formula };
}

/** "37310.1234" fen → "373.101234" yuan, by moving the decimal point in the string. */
function fenDecimalToYuan(fenDecimal: string): string {
  const [whole = '0', frac = ''] = fenDecimal.split('.');
  const padded = whole.padStart(3, '0');
  const yuan = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${yuan}.${padded.slice(-2)}${frac}`;
}
