import type { Migration } from './migration';

// Reserved for the screening ledger of firms (issue 14): its tables are added here when that work lands. Until then this version
// changes nothing, so the numbering of the migrations being built side by side stays fixed.
export const migration004Screening: Migration = {
  version: 4,
  name: 'screening',
  stores: {},
};
