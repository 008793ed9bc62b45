// petition-deadlines --received YYYY-MM-DD [--accepted YYYY-MM-DD] [--extension-days N] [--working-days] [--json]
// Statutory deadlines of one petition with the default settings and holiday table: the same
// computePetitionDeadlines the app uses.
import { buildWorkingCalendar } from '../../../renderer/src/core/calendar/holiday-table';
import { CHINA_HOLIDAYS_2025_2026 } from '../../../renderer/src/core/calendar/holidays-cn';
import { compareDates, parseIsoDate } from '../../../renderer/src/core/calendar/iso-date';
import {
  DEFAULT_PETITION_DEADLINE_SETTINGS,
  type PetitionDeadlineSettings,
} from '../../../renderer/src/core/petitions/deadline-settings';
import { computePetitionDeadlines, type PetitionClockInput } from '../../../renderer/src/core/petitions/deadlines';

export const summary = 'statutory petition deadlines (信访受理/办理期限): --received D [--accepted D] [--extension-days N] [--working-days] --json';

interface Options {
  received?: string;
  accepted?: string;
  extensionDays?: string;
  workingDays: boolean;
  json: boolean;
}

class UsageError extends Error {}

const VALUE_FLAGS = { '--received': 'received', '--accepted': 'accepted', '--extension-days': 'extensionDays' } as const;

function parseArgs(args: readonly string[]): Options {
  const o: Options = { workingDays: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--working-days') o.workingDays = true;
    else if (flag === '--json') o.json = true;
    else if (flag in VALUE_FLAGS) {
      const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS];
      const value = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : args[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`参数 ${flag} 缺少取值 (missing value for ${flag})`);
      }
      if (o[key] !== undefined) throw new UsageError(`参数 ${flag} 重复出现 (${flag} given twice)`);
      o[key] = value;
    } else {
      throw new UsageError(`不认识的参数「${raw}」(unknown argument: ${raw})`);
    }
  }
  return o;
}

function buildInput(o: Options, settings: PetitionDeadlineSettings): PetitionClockInput {
  if (o.received === undefined) throw new UsageError('请用 --received 给出收到日期,如 --received 2026-03-05 (--received is required)');
  const received = parseIsoDate(o.received, '收到日期 --received');
  if (!received.ok) throw new UsageError(`${received.error} (bad --received date)`);
  let acceptedOn: string | undefined;
  if (o.accepted !== undefined) {
    const accepted = parseIsoDate(o.accepted, '受理日期 --accepted');
    if (!accepted.ok) throw new UsageError(`${accepted.error} (bad --accepted date)`);
    if (compareDates(accepted.value, received.value) < 0) {
      throw new UsageError(`受理日期 ${accepted.value} 早于收到日期 ${received.value},请改正 (--accepted is before --received)`);
    }
    acceptedOn = accepted.value;
  }
  let extension: { days: number } | undefined;
  if (o.extensionDays !== undefined) {
    const max = settings.maxExtensionDays;
    if (!/^\d+$/.test(o.extensionDays) || Number(o.extensionDays) < 1 || Number(o.extensionDays) > max) {
      throw new UsageError(`延期天数 --extension-days「${o.extensionDays}」应为 1–${max} 的整数 (must be a whole number 1–${max})`);
    }
    if (acceptedOn === undefined) {
      throw new UsageError('延期只适用于已受理的信访件,请同时给出 --accepted 受理日期 (--extension-days needs --accepted)');
    }
    extension = { days: Number(o.extensionDays) };
  }
  return {
    receivedOn: received.value,
    ...(acceptedOn !== undefined ? { acceptedOn } : {}),
    ...(extension ? { extension } : {}),
  };
}

export async function run(args: readonly string[]): Promise<number> {
  let input: PetitionClockInput;
  let settings: PetitionDeadlineSettings = DEFAULT_PETITION_DEADLINE_SETTINGS;
  let json = false;
  try {
    const o = parseArgs(args);
    json = o.json;
    if (o.workingDays) settings = { ...settings, dayCounting: 'working' };
    input = buildInput(o, settings);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`错误：${e.message}\n`);
    process.stderr.write(`用法 (usage): petition-deadlines ${summary.slice(summary.indexOf('--received'))}\n`);
    return 2;
  }
  const d = computePetitionDeadlines(input, settings, buildWorkingCalendar(CHINA_HOLIDAYS_2025_2026));
  for (const w of d.warnings) process.stderr.write(`注意：${w}\n`);
  // The JSON carries the two keys; with --extension-days, resolveBy is the deadline in force
  // (extended). The text form below shows the original one too.
  const out: Record<string, string> = { acceptBy: d.acceptBy };
  const resolveBy = d.extendedResolveBy ?? d.resolveBy;
  if (resolveBy !== undefined) out.resolveBy = resolveBy;
  if (json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    const mode = settings.dayCounting === 'working' ? '工作日' : '自然日（末日遇节假日顺延）';
    process.stdout.write(`计日方式：${mode}\n受理期限：${d.acceptBy}\n`);
    if (d.resolveBy) process.stdout.write(`办理期限：${d.resolveBy}\n`);
    if (d.extendedResolveBy) process.stdout.write(`延期后期限：${d.extendedResolveBy}\n`);
  }
  return 0;
}
