// `firms check FILE [--sheet NAME] [--today YYYY-MM-DD] --json`: the ledger import's verdict on every
// row (the app's import pipeline: reading, header, validation, merge by credit code, keyword check),
// rows numbered as Excel does. The keyword list is the default one (a backup's list is not read).

import { localIsoDate } from '../../../renderer/src/core/common/iso-date';
import { checkFirmFile, createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS } from '../../../renderer/src/core/screening';
import { checkFileArgs } from '../check-file-args';

export const summary = 'firms check FILE [--sheet NAME] [--json]: check a screening ledger of firms (xlsx/xls/csv)';

export async function run(args: readonly string[]): Promise<number> {
  const parsed = checkFileArgs(args, 'firms');
  if (typeof parsed === 'number') return parsed;
  const { bytes, sheet } = parsed;
  const today = parsed.today ?? localIsoDate(new Date());
  const result = checkFirmFile(bytes, parsed.fileName, {
    ...(sheet === undefined ? {} : { sheet }),
    today,
    matcher: createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS),
  });
  if (result.fatal) {
    process.stderr.write(`${result.fatal.message} (${result.fatal.code})\n`);
    return 1;
  }
  if (args.includes('--json')) {
    const out = {
      rows: result.rows.map((r) => ({ row: r.row, status: r.status, code: r.code, message: r.message, keywords: r.keywords })),
      firms: result.firms.length,
      errorRows: result.errorRows,
      keywordHits: result.keywordHits,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    for (const r of result.rows) {
      for (const issue of r.issues) process.stdout.write(`${r.status === 'error' ? '错误' : '提示'} ${issue.code} ${issue.message}\n`);
    }
    process.stdout.write(
      `工作表 ${result.sheetName}，表头第 ${result.headerRow} 行；数据 ${result.dataRows} 行：正常 ${result.okRows}，提示 ${result.warningRows}，错误 ${result.errorRows}；` +
        `企业 ${result.firms.length} 家，含涉金融关键字样 ${result.keywordHits} 行\n`,
    );
  }
  return result.errorRows > 0 ? 1 : 0;
}
