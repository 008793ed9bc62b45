// `npm run bench -- clues`: 100,000 monitored adverts imported (core/clues checkAdvertFile: SheetJS
// parse + header + every row's checks) against SheetJS's parse alone of the same file (target
// ≤ 2×); and the clue list of 50,000 records filtered and searched (target ≤ 100 ms per query).
import { read, utils, write } from '@e965/xlsx';
import { buildClueIndex, CLUE_CHANNELS, type Clue, EMPTY_CLUE_QUERY, newClue, queryClueIndex, WARNING_LEVELS } from '../../renderer/src/core/clues';
import { checkAdvertFile } from '../../renderer/src/core/clues/adverts';
import { type BenchResult, medianMs, verdictAtMost } from './bench-result';

function advertsXlsx(n: number): Uint8Array {
  const rows: unknown[][] = [['序号', '发布平台', '广告主名称', '统一社会信用代码', '监测日期', '广告内容', '链接', '监测结论']];
  for (let i = 1; i <= n; i++) {
    rows.push([i, ['短视频', '微信公众号', '网站', '搜索引擎'][i % 4], `某某理财咨询有限公司${i % 6000}`, '', `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, `年化收益${i % 30}%保本保息，限时认购第${i}期`, `https://ads.example/${i}`, i % 7 === 0 ? '涉嫌非法集资' : '违规金融广告']);
  }
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), '监测结果');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

// Clues as the app registers them (lifecycle's newClue), then moved on so statuses vary.
function clues(n: number): Clue[] {
  const out: Clue[] = [];
  for (let i = 0; i < n; i++) {
    const receivedOn = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const c = newClue(
      `c${i}`,
      `线索〔2026〕${i + 1}号`,
      {
        receivedOn,
        channel: CLUE_CHANNELS[i % CLUE_CHANNELS.length] ?? '热线',
        subject: { kind: 'firm', name: `威海某某${i % 9000}养老服务有限公司`, creditCode: null, link: null },
        allegation: `以预售床位名义承诺年化${i % 30}%返利，吸收资金约${i % 500}万元`,
        level: WARNING_LEVELS[i % 3] ?? '低',
        levelReason: '仍在吸收资金',
        anonymous: i % 3 === 0,
        reporter: null,
      },
      '林淼',
      null,
    );
    out.push({ ...c, status: i % 5 === 0 ? '已办结' : '核查中' });
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const bytes = advertsXlsx(100_000);
  const parse: number[] = [];
  const whole: number[] = [];
  let imported = 0;
  for (let i = 0; i < 2; i++) {
    let t = performance.now();
    const wb = read(bytes, { type: 'array', dense: true, cellText: false, cellDates: false, raw: true });
    parse.push(performance.now() - t);
    if (wb.SheetNames.length === 0) throw new Error('no sheet');
    t = performance.now();
    const r = checkAdvertFile(bytes, 'bench.xlsx', { today: '2026-12-31' });
    whole.push(performance.now() - t);
    imported = r.adverts.length;
  }
  const p = medianMs(parse);
  const w = medianMs(whole);

  const list = clues(50_000);
  let t0 = performance.now();
  const index = buildClueIndex(list);
  const buildMs = performance.now() - t0;
  // Typing 养老服务 one character at a time, then filters alone and with text, and a miss.
  const queries = [
    ...['养', '养老', '养老服', '养老服务'].map((text) => ({ ...EMPTY_CLUE_QUERY, text })),
    { ...EMPTY_CLUE_QUERY, text: '养老服务有限公司' },
    { ...EMPTY_CLUE_QUERY, channel: '微信' as const, level: '高' as const },
    { ...EMPTY_CLUE_QUERY, status: 'open' as const, text: '4321' },
    { ...EMPTY_CLUE_QUERY, year: 2026, status: '核查中' as const, text: '返利' },
    { ...EMPTY_CLUE_QUERY, text: '不存在的字样' },
  ];
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      t0 = performance.now();
      queryClueIndex(index, q);
      times.push(performance.now() - t0);
    }
  }
  const worst = Math.max(...times);
  return [
    { name: `advert import, 100,000 rows (${(bytes.length / 1e6).toFixed(1)} MB xlsx), ${imported} adverts`, figure: `${(w / p).toFixed(2)}× (${(w / 1000).toFixed(1)} s vs SheetJS ${(p / 1000).toFixed(1)} s)`, target: '≤ 2×', verdict: verdictAtMost(w / p, 2, '×') },
    { name: `clue list of 50,000: filter + search (worst of ${times.length} queries, the first one cold; index built once at load in ${buildMs.toFixed(0)} ms)`, figure: `worst ${worst.toFixed(1)} ms, median ${medianMs(times).toFixed(1)} ms`, target: '≤ 100 ms', verdict: verdictAtMost(worst, 100, ' ms') },
  ];
}
