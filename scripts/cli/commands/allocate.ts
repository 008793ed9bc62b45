import { readFile, stat } from 'node:fs/promises';
import { formatFen } from '../../../renderer/src/core/money';
import { allocateBatch, explainAllocationLine } from '../../../renderer/src/core/repayment';

export const summary = 'allocate a repayment batch pro rata in exact fen: allocate PLAN.json [--json]';

const USAGE =
  '用法 usage: npm run cli -- allocate PLAN.json [--json]\n' +
  '  PLAN.json: {"amountFen":N,"claims":[{"id":"…","netClaimFen":N,"paidFen":N}],' +
  '"smallClaimThresholdFen":N,"minPaymentFen":N}（后两项可选 optional）\n';

/**
 * Largest plan file read: 1,048,576 claims take ~60 MB of JSON. A larger file is refused before it
 * is read (a 600 MB file would not even fit in one string).
 */
export const MAX_PLAN_BYTES = 200 * 1024 * 1024;

/** How many lines the text (non --json) output lists with their formula. */
const TEXT_LINES = 20;

/**
 * `allocate PLAN.json [--json]`. With --json prints {"allocations":[{"id","amountFen"}],
 * "allocatedFen","unallocatedFen"} (input order) — the same allocateBatch the app runs.
 * Exit 0 allocated, 1 unreadable or invalid plan, 2 usage.
 */
export async function run(args: readonly string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const path = files[0];
  if (path === undefined || files.length > 1 || path.startsWith('--')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_PLAN_BYTES) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      process.stderr.write(
        `清退方案文件 ${path} 太大：${mb(size)}，超过 ${mb(MAX_PLAN_BYTES)} 上限（1,048,576 户的方案约 60 MB），请检查是否选错了文件 (plan file too large)\n`,
      );
      return 1;
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`无法读取清退方案文件 ${path}，请检查路径 (cannot read plan file): ${reason}\n`);
    return 1;
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`清退方案文件 ${path} 不是有效的 JSON，请检查格式 (plan is not valid JSON): ${reason}\n`);
    return 1;
  }
  // allocateBatch validates every field itself; the cast only satisfies the compiler.
  const outcome = allocateBatch(plan as Parameters<typeof allocateBatch>[0]);
  if (!outcome.ok) {
    process.stderr.write(`清退方案有 ${outcome.errors.length} 处错误 (invalid plan):\n`);
    for (const e of outcome.errors) process.stderr.write(`  ${e.field}: ${e.message}\n`);
    return 1;
  }
  const { result } = outcome;
  if (json) {
    const out = { allocations: result.allocations, allocatedFen: result.allocatedFen, unallocatedFen: result.unallocatedFen };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const lines = [
    `剩余债权合计 remaining claims: ${formatFen(result.remainingTotalFen)} 元（${result.allocations.length} 户）`,
    `本批已分配 allocated: ${formatFen(result.allocatedFen)} 元；未分配 unallocated: ${formatFen(result.unallocatedFen)} 元`,
    ...result.pools.map((p) => `  资金池 pool ${p.kind}: ${formatFen(p.amountFen)} / ${formatFen(p.remainingFen)} 元，${p.memberCount} 户`),
  ];
  const shown = Math.min(TEXT_LINES, result.allocations.length);
  for (let i = 0; i < shown; i++) {
    const e = explainAllocationLine(result, i);
    lines.push(`  ${e.id}: ${formatFen(e.amountFen)} 元  比例 ${e.ratio}  ${e.formula}`);
  }
  if (shown < result.allocations.length) lines.push(`  …（其余 ${result.allocations.length - shown} 户用 --json 查看）`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
