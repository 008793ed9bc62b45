// Reads what a 报送 package carries from this office's store, in the plain shapes core/exchange
// builds the package from. Areas built later (排查, 线索监测) add their records to `extra` here.
import type { OfficeSource, RegisterCreditor } from '../../core/exchange/build-records';
import type { ReportPeriod } from '../../core/exchange/types';
import type { MediationSession } from '../../core/petitions/types';
import type { WorkstationDb } from '../database';
import type { CreditorRepository } from '../repositories/creditor-repository';

export async function readOfficeSource(db: WorkstationDb, creditors: CreditorRepository, period: ReportPeriod, creditorCaseIds: readonly string[]): Promise<OfficeSource> {
  const [cases, parties, petitionRows, sessionRows, facts, documentRows, registers] = await db.transaction(
    'r',
    [db.cases, db.parties, db.petitions, db.mediationSessions, db.figureFacts, db.documents, db.creditorRegisters],
    () =>
      Promise.all([
        db.cases.toArray(),
        db.parties.toArray(),
        db.petitions.toArray(),
        db.mediationSessions.toArray(),
        db.figureFacts.toArray(),
        db.documents.toArray(),
        // One summary row per register (its count), never the creditors: every case's 涉及人数 travels.
        db.creditorRegisters.toArray(),
      ]),
  );
  const mediationPetition = new Map(sessionRows.map((s) => [s.id, s.petitionId]));
  const mediation: MediationSession[] = sessionRows.map((s) => ({ ...s.body, id: s.id }));
  const creditorRegisters = new Map<string, RegisterCreditor[]>();
  for (const caseId of creditorCaseIds) {
    const list = await creditors.loadCase(caseId);
    creditorRegisters.set(
      caseId,
      list.map((c) => ({
        cid: c.cid,
        name: c.name,
        idType: c.idType,
        idNumber: c.idNumber,
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.bankAccount ? { bankAccount: c.bankAccount } : {}),
        principalFen: c.principalFen,
        returnedFen: c.returnedFen,
        netClaimFen: c.netClaimFen,
        status: c.status,
      })),
    );
  }
  return {
    cases,
    parties,
    petitions: petitionRows.map((p) => p.body),
    mediation,
    mediationPetition,
    refunds: facts.map((f) => f.facts),
    documents: documentRows
      .filter((d) => d.issuedDate !== null && d.issuedDate >= period.from && d.issuedDate <= period.to)
      .map((d) => ({
        id: d.id,
        caseId: d.caseId,
        typeLabel: d.body.typeLabel,
        number: d.number,
        status: d.status,
        issuedDate: d.issuedDate,
        summary: d.body.summary,
        pdfSha256: d.body.pdfSha256,
      })),
    creditorRegisters,
    registerCounts: new Map(registers.map((r) => [r.caseId, r.count])),
  };
}
