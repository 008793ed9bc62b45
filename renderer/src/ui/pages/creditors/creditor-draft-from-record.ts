// The edit form's draft for a stored creditor (or an empty one), as the repository's save expects it.
import { fenToYuanString } from '../../../core/money';
import type { CreditorDraft } from '../../../db/repositories/creditor-draft';
import type { StoredCreditor } from '../../../db/repositories/creditor-types';

const ID_TYPE_TEXT: Record<StoredCreditor['idType'], string> = {
  resident: '居民身份证',
  resident15: '居民身份证',
  org: '统一社会信用代码',
  passport: '护照',
  hk_macau: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
};

export function draftFromCreditor(c: StoredCreditor | null): CreditorDraft {
  if (!c) {
    return { name: '', idType: '', idNumber: '', phone: '', address: '', bankName: '', bankAccount: '', status: '待核实', exclusion: null, contracts: [{ principal: '', returned: '', note: '' }] };
  }
  return {
    name: c.name,
    idType: ID_TYPE_TEXT[c.idType],
    idNumber: c.idNumber,
    phone: c.phone ?? '',
    address: c.address ?? '',
    bankName: c.bankName ?? '',
    bankAccount: c.bankAccount ?? '',
    status: c.status,
    exclusion: c.exclusion,
    contracts: c.contracts.map((k) => ({
      principal: fenToYuanString(k.principalFen),
      returned: k.returnedFen === 0 ? '' : fenToYuanString(k.returnedFen),
      note: k.note,
      sourceRow: k.sourceRow,
    })),
  };
}

