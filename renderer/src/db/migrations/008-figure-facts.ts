import type { Migration } from './migration';

// Refund facts per case for the 统计 dashboard (issue 13): a cache derived from the creditor register
// and the repayment batches, keyed by case, with the signature of the rows it was built from. The
// dashboard reads these few rows instead of millions of creditors and allocation lines, and rebuilds
// a case's row when its signature no longer matches. Nothing existed to upgrade: the table starts
// empty and fills the first time the dashboard opens.
// Numbered 008 on the w-figures branch; renumber at merge if another 008 lands first.
export const migration008FigureFacts: Migration = {
  version: 8,
  name: 'figure-facts',
  stores: {
    figureFacts: 'caseId',
  },
};
