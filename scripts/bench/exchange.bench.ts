// A district's year as a 报送 package (2,000 cases, 20,000 petitions, refund figures for 500
// batches, no creditor registers): pack (JSON, deflate, Ed25519 signature) and import at the city
// through the app's own repository (verify, plan against what is held, write, audit) into an
// IndexedDB store. In Node the store is fake-indexeddb, slower per record than Chromium's, so the
// import figure is an upper bound. Run once more to import the same package again (idempotent: a
// no-op) and a newer one of the same period (every record compared, none changed).
// Then the second figure: a register of 1,000,000 creditors packed (as 1,000-creditor frames)
// and imported at the city, against a backup of the same creditors (1,000-creditor blocks) written and
// read back in the same run: the ratio is the figure (target ≤ 1.5× the backup's write).
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { inspectBackup, readBackupRows, writeBackup } from '../../renderer/src/core/backup';
import { type ExchangeRecord, generateOfficeKeyPair, maskCreditor, type RegisterCreditor, reportPeriod, writeKeyFile, writePackage } from '../../renderer/src/core/exchange';
import { WorkstationDb } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/db/schema';
import { SAMPLE_OFFICE, sampleDistrictRecords } from '../cli/commands/_exchange-sample';
import type { BenchResult } from './bench-result';
import { medianMs, verdictAtMost } from './bench-result';

export async function run(): Promise<BenchResult[]> {
  const keys = await generateOfficeKeyPair();
  const { records, totals } = sampleDistrictRecords({ cases: 2_000, petitions: 20_000, batches: 500 });
  const pack = async (createdAt: Date) =>
    writePackage({
      sender: SAMPLE_OFFICE,
      keys,
      period: reportPeriod('year', 2026),
      records,
      totals,
      personalData: { included: false, by: '', reason: '' },
      appVersion: 'bench',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt,
      packageId: globalThis.crypto.randomUUID(),
    });
  await pack(new Date('2027-01-04T02:00:00Z')); // warm-up: WebCrypto and the compressor start once
  const cpuMs = (start: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const pkg = await pack(new Date('2027-01-05T02:00:00Z'));
  const packMs = performance.now() - t0;
  const packCpu = cpuMs(cpu0);

  const db = new WorkstationDb(`bench-exchange-${Date.now()}`);
  const repos = createRepositories(db);
  await repos.exchange.saveIdentity({ name: '威海市处非办', level: 'city', district: '' });
  const added = await repos.exchange.addOfficeFromKeyFile(writeKeyFile(SAMPLE_OFFICE, keys.publicKey));
  if (!added.ok) throw new Error(added.message);
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  const outcome = await repos.exchange.importPackage(pkg.bytes, 'bench.cfpkg');
  const importMs = performance.now() - t0;
  const importCpu = cpuMs(cpu0);
  if (outcome.counts.added !== records.length) throw new Error(`imported ${outcome.counts.added} of ${records.length}`);
  t0 = performance.now();
  await repos.exchange.importPackage(pkg.bytes, 'bench.cfpkg');
  const againMs = performance.now() - t0;
  const newer = await pack(new Date('2027-01-06T02:00:00Z'));
  t0 = performance.now();
  await repos.exchange.importPackage(newer.bytes, 'bench-newer.cfpkg');
  const newerMs = performance.now() - t0;
  db.close();

  const total = packMs + importMs;
  const mb = (pkg.bytes.length / 1_048_576).toFixed(1);
  process.stdout.write(
    `CPU: pack ${packCpu.toFixed(0)} ms, import ${importCpu.toFixed(0)} ms (Node's thread pool included)\n` +
    `records ${records.length}, package ${mb} MB (JSON ${(pkg.header.body.plainBytes / 1_048_576).toFixed(1)} MB); pack ${packMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms, same again ${againMs.toFixed(0)} ms, newer of the period ${newerMs.toFixed(0)} ms\n`,
  );
  const counts = await registerCountsCost(keys, records);
  const register = await registerVersusBackup(keys);
  return [
    counts,
    ...register,
    { name: 'exchange: pack + import a district year (2,000 cases, 20,000 petitions, 500 batches)', figure: `${total.toFixed(0)} ms (pack ${packMs.toFixed(0)} + import ${importMs.toFixed(0)}; CPU ${(packCpu + importCpu).toFixed(0)} ms; ${mb} MB)`, target: '≤ 2 s', verdict: verdictAtMost(total / 1000, 2, ' s') },
    { name: 'exchange: the same package imported again (no change)', figure: `${againMs.toFixed(0)} ms`, target: '—', verdict: 'measured' },
  ];
}

interface Timed<T> {
  readonly value: T;
  readonly ms: number;
  readonly cpuMs: number;
}

/** `work` with its wall time and this process's CPU time (Node's thread pool included). */
async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * What the cases' register counts (issue 17) cost the district's year, in the same run: the same
 * records packed with and without `registerCounts` (as packages were before), three times each in
 * turn, and each imported once into a fresh store. Sizes are exact; times are medians, wall and CPU.
 */
async function registerCountsCost(keys: Awaited<ReturnType<typeof generateOfficeKeyPair>>, withCounts: readonly ExchangeRecord[]): Promise<BenchResult> {
  const without = withCounts.map((r) => {
    if (r.kind !== 'case') return r;
    const { registerCounts: _dropped, ...data } = r.data;
    return { ...r, data };
  });
  const pack = (records: readonly ExchangeRecord[], n: number) =>
    writePackage({ ...warmUp(keys), records, createdAt: new Date(Date.UTC(2027, 0, 10, n)), packageId: `counts-${n}` });
  type Packed = Timed<Awaited<ReturnType<typeof pack>>>;
  const runs: { with: Packed[]; without: Packed[] } = { with: [], without: [] };
  for (let i = 0; i < 3; i++) {
    runs.with.push(await timed(() => pack(withCounts, 2 * i)));
    runs.without.push(await timed(() => pack(without, 2 * i + 1)));
  }
  const importInto = async (bytes: Uint8Array) => {
    const db = new WorkstationDb(`bench-exchange-counts-${Date.now()}-${Math.random()}`);
    const repos = createRepositories(db);
    await repos.exchange.saveIdentity({ name: '威海市处非办', level: 'city', district: '' });
    const added = await repos.exchange.addOfficeFromKeyFile(writeKeyFile(SAMPLE_OFFICE, keys.publicKey));
    if (!added.ok) throw new Error(added.message);
    const t = await timed(() => repos.exchange.importPackage(bytes, 'counts.cfpkg'));
    db.close();
    return t;
  };
  const first = (list: readonly Packed[]): Uint8Array => {
    const r = list[0];
    if (!r) throw new Error('no package');
    return r.value.bytes;
  };
  const importWithout = await importInto(first(runs.without));
  const importWith = await importInto(first(runs.with));
  const size = (list: readonly Packed[]) => first(list).length;
  const wall = (list: readonly Packed[]) => medianMs(list.map((r) => r.ms));
  const cpu = (list: readonly Packed[]) => medianMs(list.map((r) => r.cpuMs));
  const sizeRatio = size(runs.with) / size(runs.without);
  const packCpuRatio = cpu(runs.with) / cpu(runs.without);
  process.stdout.write(
    `register counts: package ${size(runs.with)} B with, ${size(runs.without)} B without (${sizeRatio.toFixed(3)}×); pack median ${wall(runs.with).toFixed(0)} vs ${wall(runs.without).toFixed(0)} ms wall, ${cpu(runs.with).toFixed(0)} vs ${cpu(runs.without).toFixed(0)} ms CPU; import ${importWith.ms.toFixed(0)} vs ${importWithout.ms.toFixed(0)} ms wall, ${importWith.cpuMs.toFixed(0)} vs ${importWithout.cpuMs.toFixed(0)} ms CPU\n`,
  );
  return {
    name: 'exchange: a district year with every case’s register count vs the same without (same run)',
    figure: `size ${sizeRatio.toFixed(3)}× (${(size(runs.with) / 1024).toFixed(0)} vs ${(size(runs.without) / 1024).toFixed(0)} KB); pack CPU ${packCpuRatio.toFixed(2)}× (${cpu(runs.with).toFixed(0)} vs ${cpu(runs.without).toFixed(0)} ms, medians of 3); import CPU ${(importWith.cpuMs / importWithout.cpuMs).toFixed(2)}× (${importWith.cpuMs.toFixed(0)} vs ${importWithout.cpuMs.toFixed(0)} ms)`,
    target: '—',
    verdict: 'measured',
  };
}

const CREDITORS = 1_000_000;
const BLOCK = 1_000;
const POOL_BLOCKS = 50;
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉海燕鹏飞云峰宇晨浩然子涵欣怡梓轩雨泽一诺思远嘉怡'];

/** Register-like random creditors, 50 blocks made once and repeated (as backup.bench.ts does), cid unique. */
function makeCreditors(): RegisterCreditor[] {
  let seed = 20201201;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const pool = Array.from({ length: POOL_BLOCKS * BLOCK }, () => {
    const principalFen = 100_000 + Math.floor(rand() * 50_000_000);
    const returnedFen = rand() < 0.3 ? Math.floor(rand() * 100_000) : 0;
    return {
      name: `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.6 ? pick(GIVEN) : ''}`,
      idType: '居民身份证',
      idNumber: `371002${1935 + Math.floor(rand() * 70)}${digits(8)}`,
      phone: `13${digits(9)}`,
      bankAccount: `62${digits(17)}`,
      principalFen,
      returnedFen,
      netClaimFen: principalFen - returnedFen,
      status: rand() < 0.1 ? '待核实' : '已核实',
    };
  });
  return Array.from({ length: CREDITORS }, (_, i) => ({ cid: String(i + 1), ...(pool[i % pool.length] as Omit<RegisterCreditor, 'cid'>) }));
}

function warmUp(keys: Awaited<ReturnType<typeof generateOfficeKeyPair>>) {
  return {
    sender: SAMPLE_OFFICE,
    keys,
    period: reportPeriod('year', 2026),
    records: [],
    totals: { amountInvolvedFen: 0, lossesRecoveredFen: 0, refundPaidFen: 0, petitionPersons: 0, creditors: 0 },
    personalData: { included: false, by: '', reason: '' },
    appVersion: 'bench',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: new Date(),
    packageId: 'warm-up',
  };
}

async function registerVersusBackup(keys: Awaited<ReturnType<typeof generateOfficeKeyPair>>): Promise<BenchResult[]> {
  const creditors = makeCreditors();
  // The backup of the same creditors, as the creditor store holds them (1,000 to a block), kept in memory.
  const writeAll = async (n: number) => {
    const chunks: Uint8Array[] = [];
    const rows = async function* () {
      for (let b = 0; b * BLOCK < n; b++) yield { id: `case-1#1#${b}`, caseId: 'case-1', generation: 1, seq: b, creditors: creditors.slice(b * BLOCK, (b + 1) * BLOCK) };
    };
    for await (const chunk of writeBackup([{ name: 'creditorBlocks', rows: rows() }], { appVersion: 'bench', schemaVersion: CURRENT_SCHEMA_VERSION, auditChainHead: null })) chunks.push(chunk);
    return chunks;
  };
  // Warm-up of both writers (JIT, the compressor), so neither pays it inside the timed run.
  await writeAll(50_000);
  await writePackage({ ...warmUp(keys), registers: [{ caseId: 'w', district: null, creditors: creditors.slice(0, 50_000) }] });
  const backup = await timed(() => writeAll(CREDITORS));
  const read = await timed(async () => {
    const inspection = await inspectBackup(backup.value);
    let n = 0;
    for await (const batch of readBackupRows(backup.value, inspection)) for (const row of batch.rows) n += (row as { creditors: unknown[] }).creditors.length;
    return n;
  });
  if (read.value !== CREDITORS) throw new Error(`backup read ${read.value} creditors`);
  const backupMb = backup.value.reduce((n, c) => n + c.length, 0) / 1_048_576;
  backup.value.length = 0;

  const pack = (register: readonly RegisterCreditor[], createdAt: string) =>
    writePackage({
      sender: SAMPLE_OFFICE,
      keys,
      period: reportPeriod('year', 2026),
      records: [],
      registers: [{ caseId: 'case-1', district: SAMPLE_OFFICE.district, creditors: register }],
      totals: { amountInvolvedFen: 0, lossesRecoveredFen: 0, refundPaidFen: 0, petitionPersons: 0, creditors: register.length },
      personalData: { included: true, by: 'bench', reason: 'the same data as the backup' },
      appVersion: 'bench',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: new Date(createdAt),
      packageId: createdAt,
    });
  const packed = await timed(() => pack(creditors, '2027-01-05T02:00:00Z'));
  const masking = await timed(async () => creditors.map(maskCreditor));
  const db = new WorkstationDb(`bench-exchange-register-${Date.now()}`);
  const repos = createRepositories(db);
  await repos.exchange.saveIdentity({ name: '威海市处非办', level: 'city', district: '' });
  const added = await repos.exchange.addOfficeFromKeyFile(writeKeyFile(SAMPLE_OFFICE, keys.publicKey));
  if (!added.ok) throw new Error(added.message);
  const imported = await timed(() => repos.exchange.importPackage(packed.value.bytes, 'register.cfpkg'));
  const stored = await db.exchangeRecordBlocks.where('kind').equals('creditors-block').toArray();
  const storedCount = stored.reduce((n, r) => n + r.count, 0);
  if (storedCount !== CREDITORS || stored.length !== CREDITORS / BLOCK) throw new Error(`stored ${storedCount} creditors in ${stored.length} rows`);
  const again = await timed(() => repos.exchange.importPackage(packed.value.bytes, 'register.cfpkg'));
  db.close();

  const total = packed.ms + imported.ms;
  const cpu = packed.cpuMs + imported.cpuMs;
  const pkgMb = packed.value.bytes.length / 1_048_576;
  process.stdout.write(
    `register of ${CREDITORS} creditors: backup write ${backup.ms.toFixed(0)} ms (CPU ${backup.cpuMs.toFixed(0)}), ${backupMb.toFixed(1)} MB; backup read ${read.ms.toFixed(0)} ms (CPU ${read.cpuMs.toFixed(0)})\n` +
      `pack ${packed.ms.toFixed(0)} ms (CPU ${packed.cpuMs.toFixed(0)}), ${pkgMb.toFixed(1)} MB in ${packed.value.header.registers?.frames} frames; masking them first ${masking.ms.toFixed(0)} ms; import ${imported.ms.toFixed(0)} ms (CPU ${imported.cpuMs.toFixed(0)}) into ${stored.length} rows; same again ${again.ms.toFixed(0)} ms\n`,
  );
  const ratio = total / backup.ms;
  const cpuRatio = cpu / backup.cpuMs;
  // On a shared machine wall time swings with the load; the CPU ratio says what the code costs.
  const load = `load average ${loadavg()
    .slice(0, 2)
    .map((l) => l.toFixed(1))
    .join('/')}`;
  return [
    {
      name: 'exchange: pack + import a register of 1,000,000 creditors vs a backup of the same creditors (same run)',
      figure: `${(total / 1000).toFixed(1)} s (pack ${(packed.ms / 1000).toFixed(1)} + import ${(imported.ms / 1000).toFixed(1)}; CPU ${(cpu / 1000).toFixed(1)} s; ${pkgMb.toFixed(1)} MB) vs backup write ${(backup.ms / 1000).toFixed(1)} s (CPU ${(backup.cpuMs / 1000).toFixed(1)} s; ${backupMb.toFixed(1)} MB): ${ratio.toFixed(2)}× wall, ${(cpu / backup.cpuMs).toFixed(2)}× CPU; vs write + read ${((backup.ms + read.ms) / 1000).toFixed(1)} s: ${(total / (backup.ms + read.ms)).toFixed(2)}×`,
      target: '≤ 1.5× the backup',
      verdict: `${verdictAtMost(ratio, 1.5, '×')} (wall, ${load})`,
    },
    {
      name: 'exchange: the same, CPU time of pack + import / CPU time of the backup write (same run)',
      figure: `${(cpu / 1000).toFixed(1)} s / ${(backup.cpuMs / 1000).toFixed(1)} s = ${cpuRatio.toFixed(2)}× (pack ${(packed.cpuMs / 1000).toFixed(1)} s, import ${(imported.cpuMs / 1000).toFixed(1)} s; Node's thread pool included)`,
      target: '≤ 1.5× the backup',
      verdict: verdictAtMost(cpuRatio, 1.5, '×'),
    },
  ];
}
