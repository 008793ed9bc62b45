import type { Migration } from './migration';

// Reserved for exchange packages between offices (issue 16): its tables are added here when that work lands. Until then this version
// changes nothing, so the numbering of the migrations being built side by side stays fixed.
export const migration006Exchange: Migration = {
  version: 6,
  name: 'exchange',
  stores: {},
};
