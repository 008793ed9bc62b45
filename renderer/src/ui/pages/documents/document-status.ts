// How a document's status shows (a tag colour); shared by the registry and the detail dialog, in a
// file of its own so neither page imports the other.
import type { DocumentStatus } from '../../../db/repositories/document-types';

export function statusIntent(s: DocumentStatus): 'none' | 'primary' | 'success' | 'warning' | 'danger' {
  return s === '已签发' ? 'primary' : s === '已送达' || s === '已归档' ? 'success' : s === '作废' ? 'danger' : 'none';
}
