// `reward RULE.json CLUE.json [--json]`: the reward the office's rule gives for a verified clue, with
// the tier and any limit applied (core/clues computeReward, the same the app proposes from).
// RULE.json: a RewardRule (fields left out take the default rule's values); CLUE.json:
// {clueNo, verifyResult, basisFen | basisYuan, anonymous?, reporterIsStaff?, reporterIsParticipant?, firstClueId?}.
import { readFileSync } from 'node:fs';
import { checkRewardRule, computeReward, DEFAULT_REWARD_RULE, type RewardFacts, type RewardRule } from '../../../renderer/src/core/clues/reward';
import { parseMoneyToFen } from '../../../renderer/src/core/money';

export const summary = 'reward RULE.json CLUE.json [--json]: the reward the office rule gives for a verified clue';

const USAGE = '用法 usage: npm run cli -- reward RULE.json CLUE.json [--json]\n';

function readJson(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file} 不是 JSON 对象`);
  return value as Record<string, unknown>;
}

function facts(raw: Record<string, unknown>): RewardFacts | string {
  let basisFen: number;
  if (typeof raw.basisFen === 'number') basisFen = raw.basisFen;
  else {
    const parsed = parseMoneyToFen(raw.basisYuan as string | number | undefined);
    if (!parsed.ok) return `CLUE.json 的 basisYuan（计算依据金额）有误：${parsed.message}`;
    basisFen = parsed.fen;
  }
  return {
    clueNo: String(raw.clueNo ?? ''),
    verifyResult: typeof raw.verifyResult === 'string' ? raw.verifyResult : null,
    basisFen,
    anonymous: raw.anonymous === true,
    reporterIsStaff: raw.reporterIsStaff === true,
    reporterIsParticipant: raw.reporterIsParticipant === true,
    firstClueId: typeof raw.firstClueId === 'string' ? raw.firstClueId : null,
  };
}

export async function run(args: readonly string[]): Promise<number> {
  const [ruleFile, clueFile] = args;
  if (!ruleFile || !clueFile || ruleFile.startsWith('--') || clueFile.startsWith('--')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let rule: RewardRule;
  let clue: Record<string, unknown>;
  try {
    rule = { ...DEFAULT_REWARD_RULE, ...(readJson(ruleFile) as Partial<RewardRule>) };
    clue = readJson(clueFile);
  } catch (err) {
    process.stderr.write(`无法读取 cannot read: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const ruleErrors = checkRewardRule(rule);
  if (ruleErrors.length > 0) {
    process.stderr.write(`奖励办法有误：\n${ruleErrors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}\n`);
    return 1;
  }
  const f = facts(clue);
  if (typeof f === 'string') {
    process.stderr.write(`${f}\n`);
    return 1;
  }
  const result = computeReward(rule, f);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result.eligible ? { ...result, limitFen: rule.limitFen } : result)}\n`);
  } else {
    process.stdout.write(`${result.eligible ? `奖励 ${result.rewardFen / 100} 元。${result.explanation}` : `不予奖励：${result.reason}`}\n`);
  }
  return 0;
}
