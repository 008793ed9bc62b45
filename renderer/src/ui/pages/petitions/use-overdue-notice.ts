import { useEffect } from 'react';
import type { RunningClock } from '../../../core/petitions/deadlines';
import { planOverdueNotice } from '../../../core/petitions/notification';
import { useApp } from '../../app/app-context';
import { petitionLabel } from './petition-clock';
import type { PetitionData } from './use-petition-data';

// Two panels (home screen and the 信访调解 page) may mount at once: one check at a time.
let running = false;

/** Once a day, names newly overdue petitions in a desktop notification (bridge.notify). */
export function useOverdueNotice(data: PetitionData | null, alerts: readonly RunningClock[]): void {
  const { repos, bridge } = useApp();
  useEffect(() => {
    if (!data || running) return;
    running = true;
    const labels = new Map(data.petitions.map((p) => [p.id, petitionLabel(p)]));
    void (async () => {
      try {
        const record = await repos.petitions.overdueNoticeRecord();
        const plan = planOverdueNotice(alerts, record, data.today, (id) => labels.get(id) ?? id);
        if (!plan.next) return;
        // Saved first: a notification that fails must not be retried all day long.
        await repos.petitions.saveOverdueNoticeRecord(plan.next);
        if (plan.notice) await bridge.notify(plan.notice.title, plan.notice.body);
      } catch (e) {
        console.warn('信访超期提醒未能发出', e);
      } finally {
        running = false;
      }
    })();
  }, [data, alerts, repos, bridge]);
}
