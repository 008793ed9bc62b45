import type { Migration } from './migration';

// Exchange packages between offices (issue 16). This office's identity and signing key live in the
// settings table (section 'exchange-identity'), so they travel in its backups with the rest.
// - exchangeOffices: offices this one trusts (public key, or a fingerprint until their key arrives);
// - exchangePackages: every package imported, by the SHA-256 of its file;
// - exchangeRecords: records received, keyed `${officeId}|${kind}|${sourceId}` (read-only copies).
export const migration006Exchange: Migration = {
  version: 6,
  name: 'exchange',
  stores: {
    exchangeOffices: 'id, officeId, fingerprint',
    exchangePackages: 'fileSha256, office, [office+periodKey], receivedAt',
    exchangeRecords: 'key, office, kind, [office+kind], [office+periodKey]',
  },
};
