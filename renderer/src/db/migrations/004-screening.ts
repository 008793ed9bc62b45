import type { Migration } from './migration';

// The screening ledger of firms (排查, issue 14). New tables only, so no rows are rewritten:
// - firms: the ledger (排查对象); indexed by credit code (merge on import, '' for 待补充), district
//   and department (round progress);
// - screeningRounds, screeningRecords (one firm's record in one round);
// - firmDispositions (处置) and riskLedger (风险动态管理台账, nextReview for the overdue alert);
// - screeningScans: the signed 承诺书 scans of screening records (bytes, like document attachments);
// - keywordChecks: pasted lists checked at the joint evaluation of new registrations, with the result;
// - firmImports: one row per committed ledger import (file, counts), for the import history.
export const migration004Screening: Migration = {
  version: 4,
  name: 'screening',
  stores: {
    firms: 'id, creditCode, name, district, department',
    screeningRounds: 'id, periodStart',
    screeningRecords: 'id, roundId, firmId',
    firmDispositions: 'id, firmId, date',
    riskLedger: 'id, firmId, nextReview',
    screeningScans: 'id, recordId',
    keywordChecks: 'id, at',
    firmImports: 'id, at',
  },
};
