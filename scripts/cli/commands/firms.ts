// `firms check FILE [--sheet NAME] [--today YYYY-MM-DD] --json`: the ledger import's verdict on every
// row (the app's import pipeline: reading, header, validation, merge by credit code, keyword check),
// rows numbered as Excel does. The keyword list is the default one (a backup's list is not read).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { localIsoDate } from '../../../renderer/src/core/common/iso-date';
import { checkFirmFile, createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS } from '../../../renderer/src/core/screening';

export const summary = 'firms check FILE [--sheet NAME] [--json]: check a screening ledger of firms (xlsx/xls/csv)';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const USAGE = '用法 usage: npm run cli -- firms check FILE [--sheet NAME] [--today YYYY-MM-DD] [--json]\n';

export async function run(args: readonly string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'check' || file === undefined || file.startsWith('--')) {
    process.stderr.write(USAGE);
    return 2;
  }
  const sheet = option(args, '--sheet');
  const today = option(args, '--today') ?? localIsoDate(new Date());
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    process.stderr.write(`无法读取文件 cannot read file: ${file} (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
  const result = checkFirmFile(bytes, basename(file), {
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
