import type { CaseDraft } from '../../../core/cases/case-draft';
import type { CaseFile, CaseParty } from '../../../core/cases/case-file';
import { fenToYuanString } from '../../../core/money';

/** The form's text for a stored case: amounts back in 元 as plain decimals, officers joined with 、. */
export function caseDraftFromRecord(caseFile: CaseFile, parties: readonly CaseParty[]): CaseDraft {
  // Editing never moves the stage; the current stage still decides whether 立案日期 is required.
  const lastStage = caseFile.stageHistory.at(-1);
  return {
    caseNumber: caseFile.caseNumber,
    title: caseFile.title,
    charge: caseFile.charge,
    sector: caseFile.sector,
    district: caseFile.district,
    leadUnit: caseFile.leadUnit,
    officers: caseFile.officers.join('、'),
    amountInvolvedYuan: caseFile.amountInvolvedFen === null ? '' : fenToYuanString(caseFile.amountInvolvedFen),
    peopleInvolved: caseFile.peopleInvolved === null ? '' : String(caseFile.peopleInvolved),
    lossesRecoveredYuan: caseFile.lossesRecoveredFen === null ? '' : fenToYuanString(caseFile.lossesRecoveredFen),
    filedDate: caseFile.filedDate ?? '',
    stage: caseFile.stage,
    stageDate: lastStage?.date ?? '',
    parties: parties.map((p) => ({ id: p.id, kind: p.kind, name: p.name, role: p.role, idNumber: p.idNumber, note: p.note })),
  };
}
