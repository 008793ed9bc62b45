// 调解协议书 from a petition's mediation session (repos.petitions.mediationAgreement): the petitions
// feature gathers parties, terms and mediators; this maps them onto the template's fields.
import type { DocumentData, FieldValue } from '../../../core/documents';
import type { MediationAgreementData } from '../../../core/petitions/mediation';

/** The template numbers the terms itself: "一、…" from the session would print twice. */
const ORDINAL_PREFIX = /^[一二三四五六七八九十百]+、/;

export function mediationAgreementData(a: MediationAgreementData & { readonly applicants: readonly (MediationAgreementData['applicants'][number] & { readonly idType?: string })[] }): DocumentData {
  const first = a.applicants[0];
  const out: Record<string, FieldValue> = {
    respondent: { name: a.respondent.name },
    disputeFacts: a.disputeSummary,
    terms: a.terms.map((t) => t.replace(ORDINAL_PREFIX, '')),
    mediator: a.mediators.join('、'),
    officeName: a.organization,
    mediationDate: a.date,
  };
  if (first) {
    const person: Record<string, string> = { name: first.name };
    if (first.idType) person.idType = first.idType;
    if (first.idNumber) person.idNumber = first.idNumber;
    if (first.phone) person.phone = first.phone;
    out.applicant = person as { name: string };
  }
  return out;
}
