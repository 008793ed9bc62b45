// Once-a-day desktop notice of newly overdue petitions (超期提醒). The record lives in a settings
// section so a restart on the same day does not announce again, and an item is named only once.
import type { IsoDate } from '../calendar/iso-date';
import { newlyOverdue, type RunningClock } from './deadlines';

export const OVERDUE_NOTICE_SECTION = 'petitions-overdue-notice';

export interface OverdueNoticeRecord {
  /** The day the check last ran; '' when never. */
  readonly checkedOn: IsoDate | '';
  /** `${petitionId}:${clock}` of overdue items already announced and still overdue. */
  readonly announced: readonly string[];
}

export const EMPTY_OVERDUE_NOTICE_RECORD: OverdueNoticeRecord = { checkedOn: '', announced: [] };

export interface OverdueNotice {
  readonly title: string;
  readonly body: string;
}

export interface OverdueNoticePlan {
  /** null: nothing to announce (already checked today, or nothing newly overdue). */
  readonly notice: OverdueNotice | null;
  /** null: the record is unchanged and need not be saved. */
  readonly next: OverdueNoticeRecord | null;
}

const CLOCK_NAMES: Record<RunningClock['clock'], string> = { accept: '受理', resolve: '办结' };
const MAX_NAMED = 5;

/**
 * What to announce today. `label` names a petition for people (register number or petitioner).
 * Keys of items no longer overdue are dropped, so an item that becomes overdue again (e.g. the
 * acceptance clock is done and later the resolution clock runs out) is announced again.
 */
export function planOverdueNotice(
  alerts: readonly RunningClock[],
  record: OverdueNoticeRecord,
  today: IsoDate,
  label: (petitionId: string) => string,
): OverdueNoticePlan {
  if (record.checkedOn === today) return { notice: null, next: null };
  const fresh = newlyOverdue(alerts, new Set(record.announced));
  const overdueKeys = alerts.filter((a) => a.state === 'overdue').map((a) => `${a.petitionId}:${a.clock}`);
  const next: OverdueNoticeRecord = { checkedOn: today, announced: overdueKeys };
  // Nothing new and nothing cleared: no write. The record is an audited settings section, and a
  // day's first look at an office with no overdue petition should not add to the audit log.
  if (fresh.length === 0 && sameKeys(overdueKeys, record.announced)) return { notice: null, next: null };
  if (fresh.length === 0) return { notice: null, next };
  const named = fresh.slice(0, MAX_NAMED).map((a) => `${label(a.petitionId)}（${CLOCK_NAMES[a.clock]}期限 ${a.dueOn}）`);
  const more = fresh.length > MAX_NAMED ? `等 ${fresh.length} 件` : '';
  return {
    notice: { title: `信访件超期提醒：新增 ${fresh.length} 件超期`, body: `${named.join('；')}${more}。请尽快办理。` },
    next,
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((k) => set.has(k));
}
