// Backs up 1,000,000 creditor-like rows packed 1,000 to a block (as the creditor store keeps them),
// plain (sealed, as automatic backups are) and encrypted, to a temp file, then inspects it and reads
// it back as a restore would, and once more to compare every creditor with what was written. Prints
// size, time, throughput and peak RSS beside the figures of format version 1 (uncompressed), measured
// on this machine before compression: memory must stay bounded, i.e. not grow with the number of rows.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  type BackupInspection,
  type BackupSealKey,
  importSealKey,
  inspectBackup,
  newSealKeyBytes,
  readBackupRows,
  writeBackup,
} from '../../renderer/src/core/backup';
import { encodeRow } from '../../renderer/src/core/backup/row-codec';
import type { BenchResult } from './bench-result';
import { verdictAtMost } from './bench-result';

const CREDITORS = 1_000_000;
/** A tenth of the rows, to show peak memory does not grow with the row count. */
const SMALL = 100_000;
const BLOCK = 1_000;
const PASSPHRASE = '基准测试用的备份密码 bench';
/** Format version 1 (no compression), README of 2026-11-26 (311 MB of more regular rows): write and verify seconds. */
const V1 = { write: { plain: 7.1, encrypted: 5.5 }, verify: { plain: 7.1, encrypted: 9.5 } };

// Creditors shaped like a real register (as ../shared/tools/make-creditors.mjs makes them): random
// names, valid ID numbers, phones, accounts and addresses, so compression is measured on data as
// varied as an office's, not on repeated text. Seeded per block, so any block can be made again to
// compare what a restore read back.
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉海燕鹏飞云峰宇晨浩然子涵欣怡梓轩雨泽一诺思远嘉怡喆堃赟昇珺琍玥淼焱垚鑫犇'];
const REGIONS = ['371002', '371003', '371082', '371083', '370102', '370202', '370602', '370703', '110105', '310115'];
const BANKS = ['中国工商银行威海分行', '中国农业银行威海分行', '中国银行威海分行', '中国建设银行威海分行', '威海市商业银行', '山东文登农村商业银行'];
const STREETS = ['海滨北路', '青岛中路', '世昌大道', '文化西路', '统一路', '昆明路', '新威路', '米山路'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function makeBlock(b: number) {
  let seed = (b * 2654435761 + 20201201) >>> 0;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const creditors = new Array<unknown>(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const n = b * BLOCK + i;
    const born = `${1935 + Math.floor(rand() * 70)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const body = `${pick(REGIONS)}${born}${digits(3)}`;
    const sum = [...body].reduce((s, d, k) => s + Number(d) * (WEIGHTS[k] ?? 0), 0);
    creditors[i] = {
      cid: String(n + 1),
      rowNo: n + 2,
      name: `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.6 ? pick(GIVEN) : ''}`,
      idType: '居民身份证',
      idNumber: body + ('10X98765432'[sum % 11] ?? '0'),
      phone: `1${pick(['38', '39', '50', '58', '86', '88'])}${digits(8)}`,
      address: `山东省威海市环翠区${pick(STREETS)}${1 + Math.floor(rand() * 300)}号`,
      bankName: pick(BANKS),
      bankAccount: `62${digits(17)}`,
      principalFen: 100_000 + Math.floor(rand() * 50_000_000),
      returnedFen: rand() < 0.3 ? Math.floor(rand() * 1_000_000) : 0,
      status: rand() < 0.1 ? '待核实' : '已核实',
    };
  }
  return { id: `case-1#1#${b}`, caseId: 'case-1', generation: 1, seq: b, creditors };
}

/**
 * Making random creditors costs more CPU than backing them up, so 50 blocks are made before anything
 * is timed and block b is pool[b mod 50] under its own key. Each frame is compressed on its own with a
 * 32 KiB window, so the repetition 50 blocks apart cannot flatter the compressed size.
 */
const POOL_BLOCKS = 50;
let pool: ReturnType<typeof makeBlock>[] | null = null;

function creditorBlock(b: number) {
  pool ??= Array.from({ length: POOL_BLOCKS }, (_, i) => makeBlock(i));
  const base = pool[b % POOL_BLOCKS] as ReturnType<typeof makeBlock>;
  return { ...base, id: `case-1#1#${b}`, seq: b };
}

async function* creditorBlocks(total: number): AsyncGenerator<unknown> {
  for (let b = 0; b < total / BLOCK; b++) yield creditorBlock(b);
}

/** Samples RSS while `work` runs; timers fire because every frame awaits I/O or crypto. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuS: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const cpu = process.cpuUsage(cpu0);
    return { value, ms: performance.now() - t0, cpuS: (cpu.user + cpu.system) / 1e6, peakMb: peak / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

async function writeTo(file: string, total: number, sealKey: BackupSealKey, passphrase?: string): Promise<void> {
  const stream = createWriteStream(file);
  const chunks = writeBackup([{ name: 'cases', rows: [{ id: 'case-1' }] }, { name: 'creditorBlocks', rows: creditorBlocks(total) }], {
    appVersion: 'bench',
    schemaVersion: 1,
    auditChainHead: null,
    sealKey,
    ...(passphrase ? { passphrase } : {}),
  });
  for await (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'close');
}

/**
 * The same-run reference: what format 1's writer did per frame (serialise, UTF-8, a JS SHA-256 over
 * the plaintext, no compression), written to a file the same way. On a loaded machine only a ratio to
 * this says whether format 2 is faster.
 */
async function writeFormat1Like(file: string, total: number): Promise<number> {
  const stream = createWriteStream(file);
  const hash = sha256.create();
  const encoder = new TextEncoder();
  let bytes = 0;
  for await (const row of creditorBlocks(total)) {
    const text = encoder.encode(`${encodeRow(row)}\n`);
    hash.update(text);
    bytes += text.length;
    if (!stream.write(text)) await once(stream, 'drain');
  }
  hash.digest();
  stream.end();
  await once(stream, 'close');
  return bytes;
}

/** Every block read back equals the one generated (an untimed pass: the round trip must be exact). */
async function compareAll(file: string, inspection: BackupInspection): Promise<number> {
  let blocks = 0;
  for await (const batch of readBackupRows(createReadStream(file, { highWaterMark: 1 << 20 }), inspection)) {
    if (batch.table !== 'creditorBlocks') continue;
    for (const row of batch.rows) {
      if (JSON.stringify(row) !== JSON.stringify(creditorBlock(blocks))) throw new Error(`block ${blocks} differs after the round trip`);
      blocks++;
    }
  }
  return blocks * BLOCK;
}

async function restoreCount(file: string, inspection: BackupInspection): Promise<number> {
  let creditors = 0;
  for await (const batch of readBackupRows(createReadStream(file, { highWaterMark: 1 << 20 }), inspection)) {
    for (const row of batch.rows) creditors += ((row as { creditors?: unknown[] }).creditors ?? []).length;
  }
  return creditors;
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'backup-bench-'));
  const results: BenchResult[] = [];
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const secs = (m: { ms: number; cpuS: number }) => `${(m.ms / 1000).toFixed(1)} s (CPU ${m.cpuS.toFixed(1)} s)`;
  const sealKey = await importSealKey(newSealKeyBytes());
  creditorBlock(0); // makes the pool before anything is timed or the start RSS is taken
  const writeCpu: number[] = [];
  try {
    const reference = join(dir, 'format1.ndjson');
    const ref = await measured(() => writeFormat1Like(reference, CREDITORS));
    const refMb = ref.value / 1048576;
    await rm(reference, { force: true });
    results.push({ name: 'same-run reference: format 1 work (serialise, JS SHA-256, no compression)', figure: `${secs(ref)}, ${refMb.toFixed(0)} MB`, target: '—', verdict: '—' });
    const small = join(dir, 'small.cfbak');
    const s = await measured(() => writeTo(small, SMALL, sealKey));
    await rm(small, { force: true });
    for (const passphrase of [undefined, PASSPHRASE]) {
      const label = passphrase ? 'encrypted' : 'plain';
      const file = join(dir, `${label}.cfbak`);
      const base = process.memoryUsage().rss / 1048576;
      const w = await measured(() => writeTo(file, CREDITORS, sealKey, passphrase));
      writeCpu.push(w.cpuS);
      if (!passphrase) {
        results.push({
          name: 'write plain, format 3 / format 1 work in this run',
          figure: `${(w.ms / ref.ms).toFixed(2)}× wall, ${(w.cpuS / ref.cpuS).toFixed(2)}× CPU`,
          target: '≤ 1×',
          verdict: verdictAtMost(w.ms / ref.ms, 1, '×'),
        });
      }
      const size = (await stat(file)).size / 1048576;
      const i = await measured(() => inspectBackup(createReadStream(file, { highWaterMark: 1 << 20 }), { sealKey, ...(passphrase ? { passphrase } : {}) }));
      if (i.value.seal.status !== 'valid') throw new Error(`seal ${i.value.seal.status}`);
      const r = await measured(() => restoreCount(file, i.value));
      if (r.value !== CREDITORS) throw new Error(`restore pass read ${r.value} creditors, expected ${CREDITORS}`);
      const exact = await compareAll(file, i.value);
      // Growth over the process's RSS before this run: `npm run bench` runs every bench in one
      // process, so the absolute figure includes what earlier benches left behind.
      const peak = Math.max(w.peakMb, i.peakMb, r.peakMb);
      const growth = Math.max(0, peak - base);
      const v1Write = V1.write[label];
      results.push(
        {
          name: `backup file of 1,000,000 creditors (${label}; format 1 of the same rows: ${refMb.toFixed(0)} MB)`,
          figure: `${size.toFixed(1)} MB (${(refMb / size).toFixed(1)}× smaller)`,
          target: '≤ 80 MB',
          verdict: verdictAtMost(size, 80, ' MB'),
        },
        {
          name: `write 1,000,000 creditors (${label}; format 1: ${v1Write} s)`,
          figure: `${secs(w)}, ${(size / (w.ms / 1000)).toFixed(0)} MB/s`,
          target: '≤ 5 s',
          verdict: `${verdictAtMost(w.ms / 1000, 5, ' s')} (load average ${loadavg()[0]?.toFixed(1)})`,
        },
        {
          name: `verify (inspect: every frame, hash, seal, row) ${label} (format 1: ${V1.verify[label]} s)`,
          figure: secs(i),
          target: '≤ 30 s',
          verdict: verdictAtMost(i.ms / 1000, 30, ' s'),
        },
        {
          name: `restore pass (readBackupRows) ${label}; then every creditor compared`,
          figure: `${secs(r)}; ${exact.toLocaleString('en')} equal`,
          target: '≤ 30 s',
          verdict: verdictAtMost(r.ms / 1000, 30, ' s'),
        },
        {
          name: `peak RSS ${label} (write ${mb(w.peakMb)}, inspect ${mb(i.peakMb)}, restore ${mb(r.peakMb)}; before ${mb(base)})`,
          figure: `+${mb(growth)} over the start`,
          target: '≤ 200 MB growth',
          verdict: verdictAtMost(growth, 200, ' MB'),
        },
      );
      if (!passphrase) {
        results.push({
          name: `write peak RSS, 1,000,000 vs ${SMALL.toLocaleString('en')} creditors`,
          figure: `${(w.peakMb / s.peakMb).toFixed(2)}× (${mb(w.peakMb)} vs ${mb(s.peakMb)}) for 10× the rows`,
          target: '≤ 1.5×',
          verdict: verdictAtMost(w.peakMb / s.peakMb, 1.5, '×'),
        });
      }
      await rm(file, { force: true });
    }
    const [plainCpu = 0, encCpu = 0] = writeCpu;
    results.push({
      name: 'write CPU time, plain: format 3 / format 1 work in this run (what the code costs, whatever the load)',
      figure: `${(plainCpu / ref.cpuS).toFixed(2)}× (${plainCpu.toFixed(1)} s vs ${ref.cpuS.toFixed(1)} s)`,
      target: '≤ 1×',
      verdict: verdictAtMost(plainCpu / ref.cpuS, 1, '×'),
    });
    results.push({
      name: 'encryption cost: encrypted / plain write CPU time',
      figure: `${(encCpu / plainCpu).toFixed(2)}× (${encCpu.toFixed(1)} s vs ${plainCpu.toFixed(1)} s)`,
      target: '≤ 1.5×',
      verdict: verdictAtMost(encCpu / plainCpu, 1.5, '×'),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
