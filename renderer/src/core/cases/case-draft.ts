// What the case form holds while a user types: text as typed, so a bad value is kept on screen with
// its error instead of being lost or coerced.
import type { CaseCharge, CaseSector, CaseStage, PartyKind, PartyRole } from './case-file';

export interface PartyDraft {
  /** Present when editing an existing party. */
  readonly id?: string;
  readonly kind: PartyKind;
  readonly name: string;
  readonly role: PartyRole;
  readonly idNumber: string;
  readonly note: string;
}

export interface CaseDraft {
  readonly caseNumber: string;
  readonly title: string;
  readonly charge: CaseCharge | '';
  readonly sector: CaseSector | '';
  readonly district: string;
  readonly leadUnit: string;
  /** Names separated by 、，, or spaces. */
  readonly officers: string;
  /** 元, as typed: "1,234.50", "5万", "￥3,000". */
  readonly amountInvolvedYuan: string;
  readonly peopleInvolved: string;
  readonly lossesRecoveredYuan: string;
  readonly filedDate: string;
  /** Only for a new case; later moves go through a stage change with its date. */
  readonly stage: CaseStage;
  readonly stageDate: string;
  readonly parties: readonly PartyDraft[];
}

export type CaseField = Exclude<keyof CaseDraft, 'parties'> | `parties.${number}.${'name' | 'idNumber' | 'role' | 'note'}`;

export function emptyCaseDraft(today: string): CaseDraft {
  return {
    caseNumber: '',
    title: '',
    charge: '',
    sector: '',
    district: '',
    leadUnit: '',
    officers: '',
    amountInvolvedYuan: '',
    peopleInvolved: '',
    lossesRecoveredYuan: '',
    filedDate: '',
    stage: '线索核查',
    stageDate: today,
    parties: [],
  };
}
