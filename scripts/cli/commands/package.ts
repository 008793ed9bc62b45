// `npm run cli -- package inspect FILE [--trust KEYFILE] [--passphrase-env VAR] [--json]`: verifies a
// 报送 package with the same code the app runs before an import and prints sender, period, the
// signature verdict, counts and totals; nothing is imported. Refusals print {"ok":false,"error":…}
// (Chinese, as the app shows them) and exit 1.
// `npm run cli -- package make-sample OUT [--key-out KEYFILE] [--cases N] [--petitions N] [--batches N]`:
// writes a signed sample package and (with --key-out) the sender's public key file, for tests.
import { readFile, writeFile } from 'node:fs/promises';
import {
  type ExchangeError,
  generateOfficeKeyPair,
  isExchangeError,
  keyFingerprint,
  openPackage,
  type PackageHeader,
  readKeyFile,
  reportPeriod,
  splitPackage,
  type TrustedOffice,
  writeKeyFile,
  writePackage,
} from '../../../renderer/src/core/exchange';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { type ParsedArgs, passphraseFrom, runSubcommand, UsageError } from '../cli-args';
import { SAMPLE_OFFICE, sampleDistrictRecords } from './_exchange-sample';

export const summary = 'inspect a 报送 exchange package (sender, period, signature, counts) or make a signed sample one';

const USAGE =
  'usage: package inspect FILE [--trust KEYFILE] [--passphrase-env VAR] [--json]\n' +
  '       package make-sample OUT [--key-out KEYFILE] [--cases N] [--petitions N] [--batches N]\n';

export function run(args: readonly string[]): Promise<number> {
  return runSubcommand(args, USAGE, { inspect, 'make-sample': makeSample });
}

function stringFlag(flags: ParsedArgs['flags'], name: string): string | undefined {
  const v = flags.get(name);
  return v === undefined || v === true ? undefined : v;
}

function intFlag(flags: ParsedArgs['flags'], name: string, fallback: number): number {
  const v = stringFlag(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`选项 --${name} 须为非负整数（收到“${v}”）/ --${name} must be a non-negative integer`);
  return Number(v);
}

function headerReport(header: PackageHeader) {
  return {
    sender: { id: header.sender.id, name: header.sender.name, level: header.sender.level, district: header.sender.district, fingerprint: keyFingerprint(header.sender.publicKey) },
    recipient: header.recipient?.name ?? null,
    kind: header.kind,
    period: header.period,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    counts: header.counts,
    totals: header.totals,
    personalData: header.personalData,
    encrypted: header.body.encryption !== null,
  };
}

async function inspect(parsed: ParsedArgs): Promise<number> {
  const file = parsed.positional[0];
  if (!file) throw new UsageError('缺少报送包文件 / FILE is required');
  const json = parsed.flags.has('json');
  const bytes = new Uint8Array(await readFile(file));
  const trustFile = stringFlag(parsed.flags, 'trust');
  let trusted: TrustedOffice[] | undefined;
  if (trustFile) {
    const read = readKeyFile(await readFile(trustFile, 'utf8'));
    if (!read.ok) return fail(json, read.message, 'BAD_KEY_FILE');
    trusted = [{ officeId: read.value.office.id, name: read.value.office.name, publicKey: read.value.publicKey, fingerprint: read.value.fingerprint }];
  }
  const passphrase = passphraseFrom(parsed.flags);
  try {
    const opened = await openPackage(bytes, { ...(trusted ? { trusted } : {}), maxSchemaVersion: CURRENT_SCHEMA_VERSION, ...(passphrase ? { passphrase } : {}) });
    const report = { ok: true as const, signature: opened.verdict === 'trusted' ? 'valid-trusted' : 'valid-untrusted', bodyVerified: true, fileSha256: opened.fileSha256, records: opened.records.length, ...headerReport(opened.header) };
    print(json, report);
    return 0;
  } catch (e) {
    if (!isExchangeError(e)) throw e;
    // An encrypted package without its passphrase: the signed header still says who, when and how much.
    if (e.code === 'PASSPHRASE_REQUIRED') {
      const header = splitPackage(bytes).header;
      print(json, { ok: true as const, signature: trusted ? 'valid-trusted' : 'valid-untrusted', bodyVerified: false, note: e.message, ...headerReport(header) });
      return 0;
    }
    return fail(json, e.message, (e as ExchangeError).code);
  }
}

function print(json: boolean, report: Record<string, unknown> & { ok: true }): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const h = report as unknown as ReturnType<typeof headerReport> & { signature: string; fileSha256?: string };
  process.stdout.write(
    [
      `报送单位: ${h.sender.name}（${h.sender.id}）`,
      `公钥指纹: ${h.sender.fingerprint}`,
      `签名: ${h.signature === 'valid-trusted' ? '有效，来自受信任单位' : '有效（未指定 --trust，未核对单位）'}`,
      `期间: ${h.period.label}   生成于: ${h.createdAt}`,
      `软件版本/数据结构: ${h.appVersion}/${h.schemaVersion}`,
      `记录数: ${Object.entries(h.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join('，')}`,
      `合计: 涉案金额 ${h.totals.amountInvolvedFen} 分，已清退 ${h.totals.refundPaidFen} 分，信访人次 ${h.totals.petitionPersons}`,
      `个人信息: ${h.personalData.included ? `包含（${h.personalData.reason}）` : '已脱敏'}${h.encrypted ? '，已加密' : ''}`,
      '',
    ].join('\n'),
  );
}

function fail(json: boolean, message: string, code: string): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: message, code })}\n`);
  else process.stderr.write(`${message}\n`);
  return 1;
}

async function makeSample(parsed: ParsedArgs): Promise<number> {
  const out = parsed.positional[0];
  if (!out) throw new UsageError('缺少输出文件 / OUT is required');
  const keys = await generateOfficeKeyPair();
  const { records, totals } = sampleDistrictRecords({ cases: intFlag(parsed.flags, 'cases', 20), petitions: intFlag(parsed.flags, 'petitions', 100), batches: intFlag(parsed.flags, 'batches', 10) });
  const made = await writePackage({
    sender: SAMPLE_OFFICE,
    keys,
    period: reportPeriod('year', 2026),
    records,
    totals,
    personalData: { included: false, by: '', reason: '' },
    appVersion: 'sample',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: new Date(),
    packageId: globalThis.crypto.randomUUID(),
  });
  await writeFile(out, made.bytes);
  const keyOut = stringFlag(parsed.flags, 'key-out');
  if (keyOut) await writeFile(keyOut, writeKeyFile(SAMPLE_OFFICE, keys.publicKey));
  process.stdout.write(`${JSON.stringify({ ok: true, file: out, keyFile: keyOut ?? null, fingerprint: keyFingerprint(keys.publicKey), fileSha256: made.fileSha256, records: records.length })}\n`);
  return 0;
}
