// A new document starts from what the office already knows: the case, its parties, the office
// settings and today's date. Everything stays editable in the form.
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData, DocumentTemplate, FieldValue } from '../../../core/documents';
import type { AppSettings } from '../../../core/settings/app-settings';
import type { DocumentRow } from '../../../db/records';
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
    respondent: mainParty ? { name: mainParty.name, ...(firm?.idNumber ? { creditCode: firm.idNumber } : {}), ...(legalRep ? { legalRep: legalRep.name } : {}) } : undefined,
    representative: legalRep ? { name: legalRep.name, position: legalRep.role } : undefined,
    creditCode: firm?.idNumber || undefined,
    legalRep: legalRep?.name,
    caseTitle: found?.caseFile.title,
    // The template writes 涉嫌 itself: the field holds the crime's name only (非法吸收公众存款罪).
    charge: chargeName(found?.caseFile.charge),
    materials: [
      { name: '涉嫌犯罪案件情况的调查报告', copies: '1' },
      { name: '涉案物品清单', copies: '1' },
    ],
    officeName: settings.officeName || undefined,
    contactPerson: settings.operatorName || undefined,
    recorder: settings.operatorName || undefined,
    mediator: settings.operatorName || undefined,
    inspectors: found?.caseFile.officers.length ? found.caseFile.officers.map((name) => ({ name, unit: found.caseFile.leadUnit })) : undefined,
  };
  const out: Record<string, FieldValue> = {};
  for (const def of template.fields) {
    // A template's own default (a checked legal citation, a usual time limit) unless the case knows better.
    const v = DATE_KEYS.has(def.key) ? today : (known[def.key] ?? def.default);
    if (v !== undefined && v !== '') out[def.key] = v;
  }
  return out;
}

/** 非法吸收公众存款 → 非法吸收公众存款罪; a charge already naming 罪, or not a crime, stays as it is. */
export function chargeName(charge: string | undefined): string | undefined {
  const c = charge?.trim().replace(/^涉嫌/, '');
  if (!c) return undefined;
  return c.endsWith('罪') || !CRIMES.has(c) ? c : `${c}罪`;
}

const CRIMES = new Set(['非法吸收公众存款', '集资诈骗']);

/** 送达回证 fields from the issued document it serves: title, number, addressee and address. */
export function servedDocumentData(doc: DocumentRow): DocumentData {
  const data = doc.body.data;
  const text = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
  const person = data.creditor ?? data.applicant;
  const personName = typeof person === 'object' && person !== null && !Array.isArray(person) && 'name' in person ? String(person.name) : undefined;
  const out: Record<string, FieldValue> = { servedTitle: doc.body.template.name };
  if (doc.number) out.servedNumber = doc.number;
  const recipient = text('partyName') ?? text('recipient') ?? text('inspectedParty') ?? personName ?? (doc.body.summary || undefined);
  if (recipient) out.recipient = recipient;
  return out;
}
