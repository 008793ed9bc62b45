// `adverts check FILE [--sheet NAME] [--today YYYY-MM-DD] --json`: the advert import's verdict on
// every row (the app's own check: header aliases, dates, credit codes, duplicate rows), like
// `creditors check`. Ok rows print code "OK" and message "".

import { checkAdvertFile } from '../../../renderer/src/core/clues/adverts';
import { localIsoDate } from '../../../renderer/src/core/common/iso-date';
import { checkFileArgs } from '../check-file-args';

export const summary = 'adverts check FILE [--sheet NAME] [--json]: validate an advert monitoring list (xlsx/xls/csv)';

export async function run(args: readonly string[]): Promise<number> {
  const parsed = checkFileArgs(args, 'adverts');
  if (typeof parsed === 'number') return parsed;
  const { bytes, sheet } = parsed;
  const today = parsed.today ?? localIsoDate(new Date());
  const result = checkAdvertFile(bytes, parsed.fileName, { today, ...(sheet === undefined ? {} : { sheet }) });
  if (result.fatal) {
    process.stderr.write(`${result.fatal.message} (${result.fatal.code})\n`);
    return 1;
  }
  if (args.includes('--json')) {
    const out = {
      rows: result.rows.map((r) => ({ row: r.row, status: r.status, code: r.code, message: r.message })),
      adverts: result.adverts.length,
      errorRows: result.errorRows,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    for (const r of result.rows) if (r.status !== 'ok') process.stdout.write(`${r.status === 'error' ? '错误' : '提示'} ${r.code} ${r.message}\n`);
    process.stdout.write(`工作表 ${result.sheetName}，表头第 ${result.headerRow} 行；可导入广告 ${result.adverts.length} 条，提示 ${result.warningRows} 行，错误 ${result.errorRows} 行，跳过 ${result.skipped} 行\n`);
  }
  return result.errorRows > 0 ? 1 : 0;
}
