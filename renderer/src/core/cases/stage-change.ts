import { isIsoDate } from '../common/iso-date';
import { checkLimit } from '../common/text-limits';
import { CASE_STAGES, type CaseFile, type CaseStage, type StageChange } from './case-file';

export type StageChangeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: 'stage' | 'date' | 'note'; readonly message: string };

/**
 * A stage change is dated as the paperwork is; the history stays in date order because the
 * statistics (cases filed, closed by investigation, solved) are computed from it.
 */
export function checkStageChange(caseFile: CaseFile, stage: CaseStage, date: string, today: string, note = ''): StageChangeCheck {
  if (!CASE_STAGES.includes(stage)) return { ok: false, field: 'stage', message: '请选择案件阶段。' };
  if (stage === caseFile.stage) return { ok: false, field: 'stage', message: `案件已处于“${stage}”阶段，请选择另一个阶段。` };
  if (!isIsoDate(date)) return { ok: false, field: 'date', message: '阶段日期不是有效日期，请按 2020-12-01 的格式填写。' };
  if (date > today) return { ok: false, field: 'date', message: `阶段日期 ${date} 晚于今天，请填写实际发生的日期。` };
  const last = caseFile.stageHistory.at(-1);
  if (last && date < last.date) {
    return { ok: false, field: 'date', message: `阶段日期 ${date} 早于上一阶段“${last.stage}”的日期 ${last.date}，请核对。` };
  }
  const long = checkLimit('说明', note.trim(), 'note');
  if (long) return { ok: false, field: 'note', message: long };
  return { ok: true };
}

export function applyStageChange(caseFile: CaseFile, change: StageChange): CaseFile {
  // Reaching 立案 dates the filing when the form left it blank, so the backlog rule can apply.
  const filedDate = caseFile.filedDate ?? (change.stage === '立案' ? change.date : null);
  return {
    ...caseFile,
    stage: change.stage,
    filedDate,
    stageHistory: [...caseFile.stageHistory, change],
    updatedAt: change.recordedAt,
  };
}
