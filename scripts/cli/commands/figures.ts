// `npm run cli -- figures FILE --from YYYY-MM-DD --to YYYY-MM-DD [--district NAME]
//   [--passphrase-env VAR] [--as-of YYYY-MM-DD] [--json]`: every dashboard figure for a period and
// the same period a year before, computed from one of the app's own backup files (verified first,
// plain or encrypted) through the same records builder and figure definitions as the app.

import { createReadStream } from 'node:fs';
import { verifyAuditChain } from '../../../renderer/src/core/audit/verify-chain';
import { type BackupInspection, inspectBackup, isBackupError, readBackupRows } from '../../../renderer/src/core/backup';
import type { CaseFile } from '../../../renderer/src/core/cases/case-file';
import type { Advert } from '../../../renderer/src/core/clues/adverts';
import { monitoringRecords } from '../../../renderer/src/core/clues/figure-records';
import type { Reward } from '../../../renderer/src/core/clues/reward';
import type { RiskNotice } from '../../../renderer/src/core/clues/risk-notices';
import type { Clue } from '../../../renderer/src/core/clues/types';
import { localIsoDate } from '../../../renderer/src/core/common/iso-date';
import { checkPeriod, computeFigures, describeChange, filterRecords, OFFICE_FIGURES } from '../../../renderer/src/core/figures';
import type { FigureRow } from '../../../renderer/src/core/figures/compute';
import { exactValue, formatValue } from '../../../renderer/src/core/figures/format';
import { PETITION_SETTINGS_SECTION, type PetitionSettingsSection } from '../../../renderer/src/core/petitions/settings-section';
import type { RefundCaseFacts } from '../../../renderer/src/core/repayment/refund-facts';
import { figureFirmsOf } from '../../../renderer/src/core/screening/figure-firms';
import type { Disposition, Firm, RiskEntry, ScreeningRecord } from '../../../renderer/src/core/screening/types';
import { appSettingsOf, assembleRecords, refundFactsOf } from '../../../renderer/src/db/figures/records-from-rows';
import type { AdvertActionRow, AllocationBlockRow, CreditorBlockRow, CreditorRegisterRow, PetitionRow, RepaymentBatchRow, RepaymentPlanRow, SettingsRow } from '../../../renderer/src/db/records';
import { parseArgs, passphraseFrom, UsageError } from '../cli-args';

export const summary = 'every dashboard figure for a period from a backup file (--from --to [--district] [--json])';

const USAGE =
  'usage: figures FILE --from YYYY-MM-DD --to YYYY-MM-DD [--district NAME] [--passphrase-env VAR] [--as-of YYYY-MM-DD] [--json]\n';

function readArgs(args: readonly string[]): { file: string; flags: Map<string, string>; json: boolean } {
  const { positional, flags } = parseArgs(args);
  const known = new Set(['from', 'to', 'district', 'passphrase-env', 'as-of', 'json']);
  for (const k of flags.keys()) if (!known.has(k)) throw new UsageError(`未知选项 --${k} / unknown option --${k}`);
  if (positional.length !== 1) throw new UsageError('请给出一个备份文件 / give exactly one backup file');
  const values = new Map([...flags].filter((e): e is [string, string] => e[1] !== true));
  return { file: positional[0] as string, flags: values, json: flags.has('json') };
}

export async function run(args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(args);
    const from = parsed.flags.get('from');
    const to = parsed.flags.get('to');
    if (!from || !to) throw new UsageError('请用 --from 和 --to 给出统计期间 / --from and --to are required');
    const bad = checkPeriod({ from, to });
    if (bad) throw new UsageError(`--${bad.field}：${bad.message}`);
    const asOf = parsed.flags.get('as-of') ?? localIsoDate(new Date());
    if (checkPeriod({ from: asOf, to: asOf })) throw new UsageError('--as-of：不是有效日期，请按 2021-01-13 的格式填写。');
    return await figures(parsed.file, { from, to }, asOf, parsed.flags, parsed.json);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

async function figures(file: string, period: { from: string; to: string }, asOf: string, flags: Map<string, string>, json: boolean): Promise<number> {
  const passphrase = passphraseFrom(flags);
  const open = () => createReadStream(file, { highWaterMark: 1 << 20 });
  let inspection: BackupInspection;
  let tables: Tables;
  try {
    inspection = await inspectBackup(open(), { ...(passphrase !== undefined ? { passphrase } : {}), verifyAuditChain });
    tables = await readTables(open(), inspection);
  } catch (e) {
    const message = isBackupError(e) ? e.message : (e as { code?: string }).code === 'ENOENT' ? `找不到文件“${file}”，请检查路径。` : null;
    if (message === null) throw e;
    if (json) process.stdout.write(`${JSON.stringify({ file, ok: false, error: message }, null, 2)}\n`);
    process.stderr.write(`${message}\n`);
    return 1;
  }
  const all = recordsFrom(tables);
  const district = flags.get('district');
  if (district !== undefined && !all.districts.includes(district) && !all.cases.some((c) => c.district === district)) {
    process.stderr.write(`区县“${district}”不在备份的区县列表中（${all.districts.join('、') || '未设置区县'}），请核对名称。\n`);
    return 1;
  }
  const records = district === undefined ? all : filterRecords(all, { district });
  const rows = computeFigures(OFFICE_FIGURES.figures, records, period, asOf);
  if (json) process.stdout.write(`${JSON.stringify(rows.map(toJson), null, 2)}\n`);
  else process.stdout.write(humanTable(rows, period, district));
  return 0;
}

interface Tables {
  settings: SettingsRow[];
  cases: CaseFile[];
  petitions: PetitionRow[];
  repaymentPlans: RepaymentPlanRow[];
  repaymentBatches: RepaymentBatchRow[];
  allocationBlocks: AllocationBlockRow[];
  creditorRegisters: CreditorRegisterRow[];
  creditorBlocks: CreditorBlockRow[];
  clues: Clue[];
  clueRewards: Reward[];
  adverts: Advert[];
  advertActions: AdvertActionRow[];
  riskNotices: RiskNotice[];
  firms: Firm[];
  screeningRecords: ScreeningRecord[];
  firmDispositions: Disposition[];
  riskLedger: RiskEntry[];
}

async function readTables(chunks: AsyncIterable<Uint8Array>, inspection: BackupInspection): Promise<Tables> {
  const t: Tables = {
    settings: [],
    cases: [],
    petitions: [],
    repaymentPlans: [],
    repaymentBatches: [],
    allocationBlocks: [],
    creditorRegisters: [],
    creditorBlocks: [],
    clues: [],
    clueRewards: [],
    adverts: [],
    advertActions: [],
    riskNotices: [],
    firms: [],
    screeningRecords: [],
    firmDispositions: [],
    riskLedger: [],
  };
  for await (const batch of readBackupRows(chunks, inspection)) {
    if (batch.table in t) (t[batch.table as keyof Tables] as unknown[]).push(...batch.rows);
  }
  return t;
}

function recordsFrom(t: Tables) {
  const setting = (id: string) => t.settings.find((s) => s.id === id)?.value;
  const registerOf = new Map(t.creditorRegisters.map((r) => [r.caseId, r]));
  const linesOf = new Map<string, AllocationBlockRow[]>();
  for (const b of t.allocationBlocks) {
    const list = linesOf.get(b.batchId);
    if (list) list.push(b);
    else linesOf.set(b.batchId, [b]);
  }
  const caseIds = new Set([...t.repaymentPlans.map((p) => p.caseId), ...t.repaymentBatches.map((b) => b.caseId)]);
  const refunds: RefundCaseFacts[] = [...caseIds].map((caseId) => {
    const register = registerOf.get(caseId);
    const creditors = t.creditorBlocks
      .filter((b) => b.caseId === caseId && register !== undefined && b.generation === register.generation)
      .sort((a, b) => a.seq - b.seq)
      .flatMap((b) => b.creditors);
    const batches = t.repaymentBatches.filter((b) => b.caseId === caseId);
    return refundFactsOf(caseId, creditors, batches, (id) => (linesOf.get(id) ?? []).sort((a, b) => a.seq - b.seq).flatMap((b) => b.lines));
  });
  return assembleRecords({
    settings: appSettingsOf(setting('app')),
    petitionSection: setting(PETITION_SETTINGS_SECTION) as Partial<PetitionSettingsSection> | undefined,
    cases: t.cases,
    petitions: t.petitions,
    refunds,
    monitoring: monitoringRecords({ clues: t.clues, rewards: t.clueRewards, adverts: t.adverts, actions: t.advertActions, notices: t.riskNotices }),
    firms: figureFirmsOf(t.firms, t.screeningRecords, t.firmDispositions, t.riskLedger),
    registers: t.creditorRegisters,
  });
}

function toJson(r: FigureRow) {
  const unit = r.figure.unit;
  const value = (v: number | null) => (v === null ? null : unit === 'rate' ? v / 10 : v);
  return {
    id: r.figure.id,
    label: r.figure.label,
    unit: unit === 'rate' ? 'percent' : unit,
    value: value(r.current.value),
    previous: value(r.previous.value),
    changePercent: r.change.kind === 'percent' && r.change.tenths !== null ? r.change.tenths / 10 : null,
    ...(r.change.kind === 'points' ? { changePoints: r.change.tenths === null ? null : r.change.tenths / 10 } : {}),
    change: describeChange(r.change),
    display: formatValue(unit, r.current),
    ...(r.current.ratio ? { numerator: r.current.ratio.numerator, denominator: r.current.ratio.denominator } : {}),
    ...(r.current.unavailable ? { unavailable: r.current.unavailable } : {}),
    ...(r.current.note ? { note: r.current.note } : {}),
    definition: r.figure.definition,
  };
}

function humanTable(rows: readonly FigureRow[], period: { from: string; to: string }, district: string | undefined): string {
  const lines = [`统计期间 ${period.from} 至 ${period.to}${district ? `，区县：${district}` : ''}（与上年同期比较）`];
  for (const r of rows) {
    lines.push(`  ${r.figure.id.padEnd(34)} ${r.figure.label}：${exactValue(r.figure.unit, r.current)}；上年同期 ${formatValue(r.figure.unit, r.previous)}；${describeChange(r.change)}`);
  }
  return `${lines.join('\n')}\n`;
}
