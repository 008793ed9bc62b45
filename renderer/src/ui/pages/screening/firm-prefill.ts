// 整改通知书 and 询问通知书 addressed to a firm of the screening ledger start from what the ledger knows:
// the firm's name, credit code, legal representative and address, its latest screening (date and
// findings) and its keyword hits, over the office settings' usual prefill. Everything stays editable.
import type { DocumentData, DocumentTemplate, FieldValue } from '../../../core/documents';
import type { Firm, ScreeningRecord } from '../../../core/screening';
import type { AppSettings } from '../../../core/settings/app-settings';
import { prefillData } from '../documents/prefill';

/** Templates a firm's page issues: the rectification and inquiry notices (built-in or an office's copy). */
export const FIRM_DOCUMENT_TYPES: readonly string[] = ['rectification', 'inquiry'];

export function firmDocumentData(template: DocumentTemplate, firm: Firm, latest: ScreeningRecord | undefined, settings: AppSettings, now: Date): DocumentData {
  const known: Record<string, FieldValue | undefined> = {
    partyName: firm.name,
    partyCreditCode: firm.creditCode || undefined,
    partyLegalRep: firm.legalRep || undefined,
    partyAddress: firm.address || undefined,
    inspectionDate: latest?.date,
    problems: latest?.findings ? [latest.findings] : undefined,
    // The template writes 因…: the reason reads on from it.
    reason: firm.keywordHits.length > 0 ? `你单位名称或经营范围含有“${firm.keywordHits.join('、')}”等涉金融关键字样，需核实是否从事金融业务` : undefined,
  };
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(prefillData(template, undefined, settings, now))) if (value !== undefined) out[key] = value;
  for (const def of template.fields) {
    const value = known[def.key];
    if (value !== undefined) out[def.key] = value;
  }
  return out;
}
