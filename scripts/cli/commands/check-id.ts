import { checkCreditCode, checkResidentId, looksLikeCreditCode, normalizeIdText } from '../../../renderer/src/core/identity';

export const summary = 'check a 居民身份证 number or 统一社会信用代码; prints JSON';

/** `check-id <number> [--today YYYY-MM-DD]`: exit 0 valid, 1 invalid, 2 usage. */
export async function run(args: readonly string[]): Promise<number> {
  const todayAt = args.indexOf('--today');
  const today = todayAt >= 0 ? args[todayAt + 1] : undefined;
  const rest = args.filter((a, i) => a !== '--json' && (todayAt < 0 || (i !== todayAt && i !== todayAt + 1)));
  const raw = rest[0];
  if (raw === undefined || rest.length > 1 || (todayAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(today ?? ''))) {
    process.stderr.write('用法 usage: npm run cli -- check-id <证件号码> [--today YYYY-MM-DD]\n');
    return 2;
  }
  const normalized = normalizeIdText(raw);
  // 18 characters with a letter other than the final X can only be a 统一社会信用代码.
  const isOrg = looksLikeCreditCode(normalized) && !/^\d{17}[\dX]$/.test(normalized);
  const result = isOrg
    ? { kind: 'creditCode', ...checkCreditCode(raw) }
    : { kind: 'residentId', ...checkResidentId(raw, today ? { today } : {}) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 1;
}
