// `creditors check FILE [--sheet NAME] [--today YYYY-MM-DD] --json`: the app's import pipeline
// (parse, validate, merge) over a file, printing one entry per data row. Ok rows print code "OK"
// and message "" so every entry has the same shape.
import { checkCreditorFile } from '../../../renderer/src/core/creditors';
import { formatFen } from '../../../renderer/src/core/money';
import { checkFileArgs } from '../check-file-args';

export const summary = 'creditors check FILE [--sheet NAME] [--json]: validate a creditor register (xlsx/xls/csv)';

export async function run(args: readonly string[]): Promise<number> {
  const parsed = checkFileArgs(args, 'creditors');
  if (typeof parsed === 'number') return parsed;
  const { bytes, sheet } = parsed;
  const today = parsed.today;
  // Only the count of creditors is printed: they stay in the import's columns (no objects).
  const result = await checkCreditorFile(bytes, parsed.fileName, {
    creditorObjects: false,
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
      creditors: result.imported.count,
      errorRows: result.errorRows,
      totalPrincipalFen: result.totalPrincipalFen,
      totalNetClaimFen: result.totalNetClaimFen,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    for (const r of result.rows) if (r.status !== 'ok') process.stdout.write(`${r.status === 'error' ? '错误' : '提示'} ${r.code} ${r.message}\n`);
    process.stdout.write(
      `工作表 ${result.sheetName}，表头第 ${result.headerRow} 行；数据 ${result.dataRows} 行：正常 ${result.okRows}，提示 ${result.warningRows}，错误 ${result.errorRows}；` +
        `集资参与人 ${result.imported.count} 人，本金 ${formatFen(result.totalPrincipalFen)} 元，核定清退基数 ${formatFen(result.totalNetClaimFen)} 元\n`,
    );
  }
  return result.errorRows > 0 ? 1 : 0;
}
