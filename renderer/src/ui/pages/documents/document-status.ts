// How a document's status shows (a tag colour, a line of its record); shared by the registry and the
// detail dialog, in a file of its own so neither page imports the other.
import { formatOfficeDateTime } from '../../../core/common/office-time';
import type { DocumentStatus, StatusChange } from '../../../db/repositories/document-types';

export function statusIntent(s: DocumentStatus): 'none' | 'primary' | 'success' | 'warning' | 'danger' {
  return s === '已签发' ? 'primary' : s === '已送达' || s === '已归档' ? 'success' : s === '作废' ? 'danger' : 'none';
}

/** One line of the 状态记录: the time on the office's clock (stored in UTC), the status, who, why. */
export function statusChangeLine(h: StatusChange): string {
  return [formatOfficeDateTime(h.at), h.status, h.operator, h.note].filter((part) => part !== '').join(' ');
}
