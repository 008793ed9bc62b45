// `keywords check TEXT... [--json]`: the finance-keyword check (涉金融关键字样) on names or business
// scopes given as arguments, or one per line on standard input when none are given.
import { readFileSync } from 'node:fs';
import { createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS } from '../../../renderer/src/core/screening';

export const summary = 'keywords check TEXT... [--json]: finance-keyword check of names or scopes (or stdin, one per line)';

const USAGE = '用法 usage: npm run cli -- keywords check TEXT... [--json]   (无 TEXT 时从标准输入逐行读取)\n';

export async function run(args: readonly string[], stdin: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    process.stderr.write(USAGE);
    return 2;
  }
  const json = rest.includes('--json');
  let texts = rest.filter((a) => a !== '--json');
  if (texts.length === 0) texts = stdin().split(/\r?\n/);
  texts = texts.map((t) => t.trim()).filter(Boolean);
  if (texts.length === 0) {
    process.stderr.write(`没有要核查的名称或经营范围。\n${USAGE}`);
    return 2;
  }
  const matcher = createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS);
  const results = texts.map((text) => ({ text, keywords: matcher.keywordsIn(text) }));
  const hits = results.filter((r) => r.keywords.length > 0).length;
  if (json) process.stdout.write(`${JSON.stringify({ results, hits })}\n`);
  else {
    for (const r of results) process.stdout.write(`${r.keywords.length > 0 ? `命中 ${r.keywords.join('、')}` : '未命中'}\t${r.text}\n`);
    process.stdout.write(`共 ${results.length} 条，含涉金融关键字样 ${hits} 条\n`);
  }
  return 0;
}
