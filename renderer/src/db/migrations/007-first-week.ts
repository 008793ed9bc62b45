import type { Migration } from './migration';

// Reserved for petition numbers and form drafts (issue 11): its tables are added here when that work lands. Until then this version
// changes nothing, so the numbering of the migrations being built side by side stays fixed.
export const migration007FirstWeek: Migration = {
  version: 7,
  name: 'first-week',
  stores: {},
};
