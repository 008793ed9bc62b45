import type { Migration } from './migration';

// Reserved for clues, rewards, advert monitoring and risk notices (issue 15): its tables are added here when that work lands. Until then this version
// changes nothing, so the numbering of the migrations being built side by side stays fixed.
export const migration005CluesMonitoring: Migration = {
  version: 5,
  name: 'clues-monitoring',
  stores: {},
};
