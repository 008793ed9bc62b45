// A district's year as a 报送 package (2,000 cases, 20,000 petitions, refund figures for 500
// batches, no creditor registers): pack (JSON, deflate, Ed25519 signature) and import at the city
// through the app's own repository (verify, plan against what is held, write, audit) into an
// IndexedDB store. In Node the store is fake-indexeddb, slower per record than Chromium's, so the
// import figure is an upper bound. Run once more to import the same package again (idempotent: a
// no-op) and a newer one of the same period (every record compared, none changed).
import 'fake-indexeddb/auto';
import { generateOfficeKeyPair, reportPeriod, writeKeyFile, writePackage } from '../../renderer/src/core/exchange';
import { WorkstationDb } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/db/schema';
import { SAMPLE_OFFICE, sampleDistrictRecords } from '../cli/commands/_exchange-sample';
import type { BenchResult } from './bench-result';
import { verdictAtMost } from './bench-result';

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
  return [
    { name: 'exchange: pack + import a district year (2,000 cases, 20,000 petitions, 500 batches)', figure: `${total.toFixed(0)} ms (pack ${packMs.toFixed(0)} + import ${importMs.toFixed(0)}; CPU ${(packCpu + importCpu).toFixed(0)} ms; ${mb} MB)`, target: '≤ 2 s', verdict: verdictAtMost(total / 1000, 2, ' s') },
    { name: 'exchange: the same package imported again (no change)', figure: `${againMs.toFixed(0)} ms`, target: '—', verdict: 'measured' },
  ];
}
