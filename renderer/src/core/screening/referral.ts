// 移送公安 (刑事打击) of a screened firm: the new case starts from what the ledger knows about the
// firm — its name as the subject and in the title, its district, its credit code and legal
// representative as parties — and stays editable before it is stored.
import { type CaseDraft, emptyCaseDraft, type PartyDraft } from '../cases/case-draft';
import { CASE_SECTORS, type CaseSector } from '../cases/case-file';
import type { Firm } from './types';

/** The case a referral creates, prefilled from the firm; the stage is 线索核查 dated on the referral. */
export function caseDraftFromFirm(firm: Firm, referralDate: string): CaseDraft {
  const parties: PartyDraft[] = [{ kind: 'firm', name: firm.name, role: '涉案企业', idNumber: firm.creditCode, note: '' }];
  if (firm.legalRep.trim()) parties.push({ kind: 'person', name: firm.legalRep.trim(), role: '法定代表人', idNumber: '', note: '' });
  return {
    ...emptyCaseDraft(referralDate),
    title: `${firm.name}涉嫌非法吸收公众存款案`,
    charge: '非法吸收公众存款',
    sector: sectorOf(firm.sector),
    district: firm.district,
    parties,
  };
}

/** The ledger's sector (free text from a registry export) when it names one of the case sectors. */
function sectorOf(sector: string): CaseSector | '' {
  const s = sector.trim();
  if ((CASE_SECTORS as readonly string[]).includes(s)) return s as CaseSector;
  if (/理财|投资|财富|资产管理/.test(s)) return '投资理财';
  if (/私募|基金/.test(s)) return '私募基金';
  return '';
}
