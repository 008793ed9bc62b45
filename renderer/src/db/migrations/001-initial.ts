import type { Migration } from './migration';

// The whole domain from the start, so features add behaviour more than tables. Index strings:
// the first entry is the primary key; '&' unique; '[a+b]' compound.
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  stores: {
    settings: 'id',
    cases: 'id, &caseNumber, stage, district, sector, filedDate, updatedAt',
    parties: 'id, caseId, name, idNumber',
    creditorBlocks: 'id, caseId, [caseId+seq]',
    creditorImports: 'id, caseId, fileHash, importedAt',
    repaymentPlans: 'id, caseId',
    fundReceipts: 'id, caseId, planId, date',
    repaymentBatches: 'id, caseId, planId, status',
    allocationBlocks: 'id, batchId, [batchId+seq]',
    paymentResults: 'id, batchId, caseId',
    petitions: 'id, caseId, receivedDate, status, level',
    mediationSessions: 'id, petitionId, date',
    documents: 'id, caseId, templateId, number, status, issuedDate',
    documentCounters: 'id',
    documentTemplates: 'id, basedOn',
    attachments: 'id, documentId',
    audit: 'seq, at, entity, entityId, action',
  },
};
