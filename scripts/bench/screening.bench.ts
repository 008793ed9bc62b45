// The screening ledger import at a city's scale (issue 14): a registry export of 200,000 firms as
// xlsx, SheetJS parse alone vs. the whole ledger check (parse + header + validation of every credit
// code + merge by code + the finance-keyword check of every name and business scope). Target: ≤ 2×
// the parse. The input is generated under .tmp/ when missing. Figures only, no asserts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { prepareWorkbook } from '../../renderer/src/core/creditors';
import { creditCodeCheckChar } from '../../renderer/src/core/identity';
import { checkFirmFile, createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS } from '../../renderer/src/core/screening';
import type { BenchResult } from './bench-result';
import { medianMs, verdictAtMost } from './bench-result';
import { benchTmp } from './creditor-inputs';

const FIRMS = 200_000;
const RUNS = 1;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区'];
const WORDS = ['商贸', '餐饮', '科技', '建材', '物流', '理财咨询', '投资管理', '文化传媒', '农业', '财富管理', '信息技术', '养老服务'];
const SCOPES = ['日用百货销售；五金交电', '餐饮服务', '企业管理咨询；投资咨询（不含证券、期货）', '软件开发；信息技术服务', '建筑材料销售', '养老服务；健康咨询'];

function makeLedger(path: string): void {
  // mulberry32: 32-bit integer steps (Math.imul). The earlier `seed * 1103515245` overflowed the
  // 53 bits of a double, fell into a short cycle and repeated credit codes, so most rows were refused.
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const rows: (string | number)[][] = [['威海市市场主体登记信息（导出）'], ['序号', '市场主体名称', '统一社会信用代码', '法定代表人', '住所', '所属区县', '行业', '成立日期', '经营范围']];
  for (let i = 0; i < FIRMS; i++) {
    // 9 (登记管理部门) 1 (机构类别), 371002 (行政区划, six digits), then nine characters of the alphabet.
    let body = '91371002';
    for (let k = 0; k < 9; k++) body += CODE_CHARS[rnd(31)];
    // One row in a thousand carries a mistyped check character, as real exports do.
    const code = i % 1000 === 7 ? `${body}${CODE_CHARS[(CODE_CHARS.indexOf(creditCodeCheckChar(body)) + 1) % 31]}` : body + creditCodeCheckChar(body);
    const district = DISTRICTS[rnd(DISTRICTS.length)] ?? '';
    rows.push([i + 1, `威海${district}${i}号${WORDS[rnd(WORDS.length)]}有限公司`, code, `法人${i % 997}`, `山东省威海市${district}某路${i % 500}号`, district, '商务服务业', `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`, SCOPES[rnd(SCOPES.length)] ?? '']);
  }
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), '登记信息');
  writeFileSync(path, new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
}

export async function run(): Promise<BenchResult[]> {
  mkdirSync(benchTmp, { recursive: true });
  const path = join(benchTmp, 'firms200k-v3.xlsx');
  if (!existsSync(path)) makeLedger(path);
  const bytes = new Uint8Array(readFileSync(path));
  const matcher = createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS);
  const parse: number[] = [];
  const check: number[] = [];
  let summary = '';
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    // SheetJS itself (ownReader false): readWorkbook reads a plain sheet with our own reader now.
    prepareWorkbook(bytes, undefined, {}, 'xlsx', 1, false).parse();
    parse.push(performance.now() - t0);
    t0 = performance.now();
    const r = checkFirmFile(bytes, 'firms200k.xlsx', { today: '2026-11-26', matcher });
    check.push(performance.now() - t0);
    if (r.fatal) throw new Error(r.fatal.message);
    summary = `${r.dataRows} rows → ${r.firms.length} firms, ${r.errorRows} error rows, ${r.keywordHits} keyword rows`;
  }
  const p = medianMs(parse);
  const q = medianMs(check);
  const ratio = q / p;
  return [
    { name: 'SheetJS parse, 200k-firm xlsx (Node)', figure: `${(p / 1000).toFixed(2)} s (median of ${RUNS}, ${(bytes.length / 1e6).toFixed(1)} MB)`, target: 'reference', verdict: '—' },
    {
      name: 'ledger import check + keyword check, 200k-firm xlsx (Node)',
      figure: `${ratio.toFixed(2)}× (${(q / 1000).toFixed(2)} s vs ${(p / 1000).toFixed(2)} s; ${summary})`,
      target: '≤ 2× SheetJS parse',
      verdict: verdictAtMost(ratio, 2, '×'),
    },
  ];
}
