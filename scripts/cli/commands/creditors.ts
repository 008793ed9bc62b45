// `creditors check FILE [--sheet NAME] [--today YYYY-MM-DD] --json`: the app's import pipeline
// (parse, validate, merge) over a file, printing one entry per data row. Ok rows print code "OK"
// and message "" so every entry has the same shape.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkCreditorFile } from '../../../renderer/src/core/creditors';
import { formatFen } from '../../../renderer/src/core/money';

export const summary = 'creditors check FILE [--sheet NAME] [--json]: validate a creditor register (xlsx/xls/csv)';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const USAGE = '用法 usage: npm run cli -- creditors check FILE [--sheet NAME] [--today YYYY-MM-DD] [--json]\n';

export async function run(args: readonly string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'check' || file === undefined || file.startsWith('--')) {
    process.stderr.write(USAGE);
    return 2;
  }
  const sheet = option(args, '--sheet');
  const today = option(args, '--today');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    process.stderr.write(`无法读取文件 cannot read file: ${file} (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
  const result = await checkCreditorFile(bytes, basename(file), {
    ...(sheet === undefined ? {} : { sheet }),
    ...(today === undefined ? {} : { today }),
  });
  if (result.fatal) {
    process.stderr.write(`${result.fatal.message} (${result.fatal.code})\n`);
    return 1;
  }
  if (args.includes('--json')) {
    const out = {
      rows: result.rows.map((r) => ({ row: r.row, status: r.status, code: r.code, message: r.message })),
      creditors: result.creditors.length,
      errorRows: result.errorRows,
      totalPrincipalFen: result.totalPrincipalFen,
      totalNetClaimFen: result.totalNetClaimFen,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    for (const r of result.rows) if (r.status !== 'ok') process.stdout.write(`${r.status === 'error' ? '错误' : '提示'} ${r.code} ${r.message}\n`);
    process.stdout.write(
      `工作表 ${result.sheetName}，表头第 ${result.headerRow} 行；数据 ${result.dataRows} 行：正常 ${result.okRows}，提示 ${result.warningRows}，错误 ${result.errorRows}；` +
        `集资参与人 ${result.creditors.length} 人，本金 ${formatFen(result.totalPrincipalFen)} 元，核定清退基数 ${formatFen(result.totalNetClaimFen)} 元\n`,
    );
  }
  return result.errorRows > 0 ? 1 : 0;
}
