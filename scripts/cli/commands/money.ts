import { fenToCapitals, fenToYuanString, formatFen, parseMoneyToFen } from '../../../renderer/src/core/money';

export const summary = 'parse an amount ("1,234.50", "5万", "￥3,000") into fen; prints JSON';

/** `money <text> [--wan]`: --wan reads a bare number as 万元. Exit 0 parsed, 1 rejected, 2 usage. */
export async function run(args: readonly string[]): Promise<number> {
  const rest = args.filter((a) => a !== '--json' && a !== '--wan');
  const text = rest[0];
  if (text === undefined || rest.length > 1) {
    process.stderr.write('用法 usage: npm run cli -- money <金额> [--wan]\n');
    return 2;
  }
  const r = parseMoneyToFen(text, args.includes('--wan') ? 'wan' : 'yuan');
  const out = r.ok
    ? { ok: true, fen: r.fen, yuan: fenToYuanString(r.fen), formatted: formatFen(r.fen), capitals: fenToCapitals(r.fen) }
    : r;
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return r.ok ? 0 : 1;
}
