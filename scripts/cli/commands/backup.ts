// `npm run cli -- backup inspect FILE [--passphrase-env VAR] [--max-schema N] [--seal-key KEYFILE] [--json]`:
// verifies a backup with the same code the app runs before a restore and prints what it holds; with
// the installation's key file (<userData>/backup-seal.key) it checks the seal too.
// `npm run cli -- backup make-sample OUT [--passphrase-env VAR] [--creditors N]`: writes a sample
// backup (cases, packed creditor blocks, an attachment, a valid audit chain) for tests and demos.
// Passphrases come from an environment variable, never the command line (visible in `ps`).

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { type AuditEntry, GENESIS_HASH, sealAuditEntry } from '../../../renderer/src/core/audit/audit-entry';
import { verifyAuditChain } from '../../../renderer/src/core/audit/verify-chain';
import {
  type BackupInspection,
  type BackupSealKey,
  type BackupSealReport,
  BackupWriteError,
  importSealKey,
  inspectBackup,
  isBackupError,
  writeBackup,
} from '../../../renderer/src/core/backup';
import { type ParsedArgs, passphraseFrom, runSubcommand, UsageError } from '../cli-args';

export const summary = 'inspect a backup file (header, verification, row counts) or make a sample one';

const USAGE =
  'usage: backup inspect FILE [--passphrase-env VAR] [--max-schema N] [--seal-key KEYFILE] [--json]\n' +
  '       backup make-sample OUT [--passphrase-env VAR] [--creditors N] [--seal-key KEYFILE]\n';

type Parsed = ParsedArgs;

function intFlag(flags: Parsed['flags'], name: string, fallback: number | undefined): number | undefined {
  const v = flags.get(name);
  if (v === undefined || v === true) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`选项 --${name} 须为非负整数（收到“${v}”）/ --${name} must be a non-negative integer`);
  return Number(v);
}

async function sealKeyFrom(flags: Parsed['flags']): Promise<BackupSealKey | undefined> {
  const file = flags.get('seal-key');
  if (file === undefined || file === true) return undefined;
  const raw = await readFile(file).catch(() => {
    throw new UsageError(`无法读取签名密钥文件“${file}” / cannot read the seal key file`);
  });
  if (raw.length !== 32) throw new UsageError(`签名密钥文件“${file}”应为 32 字节（实际 ${raw.length}）/ a seal key file holds 32 bytes`);
  return importSealKey(new Uint8Array(raw));
}

export function run(args: readonly string[]): Promise<number> {
  return runSubcommand(args, USAGE, { inspect, 'make-sample': makeSample });
}

async function inspect({ positional, flags }: Parsed): Promise<number> {
  const file = positional[0];
  if (!file || positional.length > 1) throw new UsageError('请给出一个备份文件 / give exactly one backup file');
  const json = flags.has('json');
  const passphrase = passphraseFrom(flags);
  const maxSchemaVersion = intFlag(flags, 'max-schema', undefined);
  const sealKey = await sealKeyFrom(flags);
  let result: BackupInspection;
  try {
    result = await inspectBackup(createReadStream(file, { highWaterMark: 1 << 20 }), {
      ...(passphrase !== undefined ? { passphrase } : {}),
      ...(maxSchemaVersion !== undefined ? { maxSchemaVersion } : {}),
      ...(sealKey ? { sealKey } : {}),
      verifyAuditChain,
    });
  } catch (e) {
    const err = describeFailure(e, file);
    if (json) process.stdout.write(`${JSON.stringify({ file, ok: false, error: err }, null, 2)}\n`);
    process.stderr.write(`${err.message}\n(${err.code}: ${err.detail})\n`);
    return 1;
  }
  const { key: _key, ...report } = result;
  const chain = result.auditChain;
  if (json) process.stdout.write(`${JSON.stringify({ file, ok: chain.status !== 'broken', ...report }, null, 2)}\n`);
  else process.stdout.write(humanReport(file, result));
  if (chain.status === 'broken') {
    process.stderr.write(`备份文件本身完好，但其中的审计链校验未通过：${chain.message}\n(audit chain broken)\n`);
    return 1;
  }
  return 0;
}

function describeFailure(e: unknown, file: string): { code: string; message: string; detail: string } {
  if (isBackupError(e)) return { code: e.code, message: e.message, detail: e.detail };
  const sys = e as { code?: string; message?: string };
  if (sys.code === 'ENOENT') return { code: 'FILE_NOT_FOUND', message: `找不到文件“${file}”，请检查路径。`, detail: 'ENOENT' };
  if (sys.code === 'EISDIR') return { code: 'NOT_A_FILE', message: `“${file}”是文件夹，请给出备份文件。`, detail: 'EISDIR' };
  if (sys.code === 'EACCES') return { code: 'NO_ACCESS', message: `没有读取“${file}”的权限。`, detail: 'EACCES' };
  throw e;
}

function sealText(seal: BackupSealReport): string {
  switch (seal.status) {
    case 'valid':
      return `有效（密钥 ${seal.keyId}）`;
    case 'other-key':
      return `由另一密钥 ${seal.keyId} 签名，所给密钥无法核对`;
    case 'not-checked':
      return `由密钥 ${seal.keyId} 签名，未核对（用 --seal-key 给出该电脑的 backup-seal.key）`;
    default:
      return '无签名：不能证明文件未被改动';
  }
}

function humanReport(file: string, r: BackupInspection): string {
  const lines = [
    `备份文件 ${file}：校验通过 / verified`,
    `  创建时间 ${r.header.createdAt}（${r.header.reason}），程序版本 ${r.header.appVersion}，数据库结构第 ${r.header.schemaVersion} 版`,
    `  ${r.encrypted ? '已加密（AES-256-GCM，逐块认证通过）' : '未加密（SHA-256 校验通过）'}，${r.byteLength} 字节，${r.frames} 个数据块，格式第 ${r.header.formatVersion} 版${r.header.compression ? '（deflate 压缩）' : ''}`,
    `  签名：${sealText(r.seal)}`,
    `  数据内容 SHA-256 ${r.bodySha256}`,
    `  审计链：${r.auditChain.status === 'verified' ? `校验通过（${r.auditChain.count} 条，止于第 ${r.auditChain.headSeq} 条）` : r.auditChain.message}`,
    '  各表行数：',
    ...Object.entries(r.rowCounts).map(([t, n]) => `    ${t.padEnd(24)} ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function makeSample({ positional, flags }: Parsed): Promise<number> {
  const out = positional[0];
  if (!out || positional.length > 1) throw new UsageError('请给出输出文件 / give exactly one output file');
  const passphrase = passphraseFrom(flags);
  const creditors = intFlag(flags, 'creditors', 5000) ?? 5000;
  const sealKey = await sealKeyFrom(flags);
  const log = sampleAuditLog(20);
  const last = log[log.length - 1] as AuditEntry;
  const tmp = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(tmp);
  try {
    const chunks = writeBackup(
      [
        { name: 'cases', rows: [{ id: 'case-1', title: '某某养老服务有限公司涉嫌非法吸收公众存款案', amountFen: 123_456_789 }] },
        { name: 'creditorBlocks', rows: creditorBlocks(creditors, 1000) },
        { name: 'attachments', rows: [{ id: 'att-1', fileName: '询问笔录.pdf', bytes: Uint8Array.of(37, 80, 68, 70) }] },
        { name: 'auditLog', rows: log },
      ],
      {
        appVersion: 'cli-sample',
        schemaVersion: 1,
        reason: 'manual',
        auditChainHead: { table: 'auditLog', seq: last.seq, hash: last.hash },
        ...(passphrase !== undefined ? { passphrase } : {}),
        ...(sealKey ? { sealKey } : {}),
      },
    );
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'close');
    await rename(tmp, out);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true });
    if (e instanceof BackupWriteError) {
      process.stderr.write(`${e.message}\n(${e.code}: ${e.detail})\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write(`已写出示例备份 ${out}${passphrase ? '（已加密）' : ''} / sample backup written\n`);
  return 0;
}

async function* creditorBlocks(total: number, blockSize: number): AsyncGenerator<unknown> {
  for (let b = 0; b * blockSize < total; b++) {
    const n = Math.min(blockSize, total - b * blockSize);
    yield {
      id: `blk-${b}`,
      caseId: 'case-1',
      seq: b,
      creditors: Array.from({ length: n }, (_, i) => ({ name: `集资参与人${b * blockSize + i}`, principalFen: 100_000 + i })),
    };
  }
}

function sampleAuditLog(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = sealAuditEntry({
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 8, seq)).toISOString(),
      operator: '经办人',
      action: 'create',
      entity: 'cases',
      entityId: 'case-1',
      before: null,
      after: { note: `示例记录 ${seq}` },
      prevHash,
    });
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
}
