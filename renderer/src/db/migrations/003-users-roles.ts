import type { Migration } from './migration';

// Reserved for users, roles and signing in (issue 18): its tables are added here when that work lands. Until then this version
// changes nothing, so the numbering of the migrations being built side by side stays fixed.
export const migration003UsersRoles: Migration = {
  version: 3,
  name: 'users-roles',
  stores: {},
};
