import type { Migration } from './migration';

// Clues, whistleblower rewards, advert monitoring and risk notices (issue 15). New tables only, so
// nothing existed to upgrade. The reporter's identity has its own table (clueReporters, keyed by
// clue): lists, searches and figures read the clues table and never touch it.
export const migration005CluesMonitoring: Migration = {
  version: 5,
  name: 'clues-monitoring',
  stores: {
    clues: 'id, receivedOn, status, level, channel, firstClueId',
    clueReporters: 'clueId',
    clueCounters: 'id',
    clueRewards: 'id, clueId, status',
    adverts: 'id, date, advertiserKey, importId, fingerprint',
    advertImports: 'id, sha256',
    advertActions: 'id, targetId, advertiserKey, date',
    riskNotices: 'id, date',
  },
};
