import type { Migration } from './migration';

// Petition numbers (信访件编号, issue 11): one counter row per year of receipt, id = the year
// ('2026'), `next` the sequence the next registration takes. The counter moves in the same
// transaction as the petition it numbers, so a number is given once and never reused. Petitions
// registered before this version keep the number typed by hand, or none; nothing is renumbered
// (a migration writes no audit entry, so it must not change case data).
//
// Form drafts are not stored here: they live in the window's localStorage (see
// ui/app/drafts/draft-store.ts for why), outside the records, backups and the audit chain.
export const migration007FirstWeek: Migration = {
  version: 7,
  name: 'first-week',
  stores: {
    petitionCounters: 'id',
  },
};
