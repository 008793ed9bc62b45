// A new document starts from what the office already knows: the case, its parties, the office
// settings and today's date. Everything stays editable in the form.
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData, DocumentTemplate, FieldValue } from '../../../core/documents';
import type { AppSettings } from '../../../core/settings/app-settings';
import type { CaseWithParties } from '../../../db/repositories/case-repository';

const DATE_KEYS = new Set(['issueDate', 'inspectionDate', 'mediationDate']);

export function prefillData(template: DocumentTemplate, found: CaseWithParties | undefined, settings: AppSettings, now: Date): DocumentData {
  const today = localIsoDate(now);
  const firm = found?.parties.find((p) => p.kind === 'firm');
  const mainParty = firm ?? found?.parties[0];
  const legalRep = found?.parties.find((p) => p.kind === 'person' && (p.role === '法定代表人' || p.role === '实际控制人'));
  const known: Record<string, FieldValue | undefined> = {
    partyName: mainParty?.name,
    inspectedParty: mainParty?.name,
    respondent: mainParty ? { name: mainParty.name } : undefined,
    representative: legalRep ? { name: legalRep.name, position: legalRep.role } : undefined,
    caseTitle: found?.caseFile.title,
    charge: found?.caseFile.charge ? `涉嫌${found.caseFile.charge}` : undefined,
    officeName: settings.officeName || undefined,
    contactPerson: settings.operatorName || undefined,
    recorder: settings.operatorName || undefined,
    mediator: settings.operatorName || undefined,
    inspectors: found?.caseFile.officers.length ? found.caseFile.officers.map((name) => ({ name, unit: found.caseFile.leadUnit })) : undefined,
  };
  const out: Record<string, FieldValue> = {};
  for (const def of template.fields) {
    const v = DATE_KEYS.has(def.key) ? today : known[def.key];
    if (v !== undefined && v !== '') out[def.key] = v;
  }
  return out;
}
