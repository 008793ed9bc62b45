import { useCallback, useEffect, useState } from 'react';
import type { WorkingCalendar } from '../../../core/calendar/holiday-table';
import type { IsoDate } from '../../../core/calendar/iso-date';
import { localIsoDate } from '../../../core/common/iso-date';
import { calendarOf, type PetitionSettingsSection } from '../../../core/petitions/settings-section';
import type { Petition } from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';

/** Everything the petition screens compute from: the records, the clock rules and today. */
export interface PetitionData {
  readonly petitions: readonly Petition[];
  readonly section: PetitionSettingsSection;
  readonly calendar: WorkingCalendar;
  readonly today: IsoDate;
}

/** `running`: only petitions with a deadline clock running (the deadline panel), read through the status index. */
export function usePetitionData(options: { readonly running?: boolean } = {}): {
  readonly data: PetitionData | null;
  readonly error: string | null;
  readonly reload: () => Promise<void>;
} {
  const { repos } = useApp();
  const [data, setData] = useState<PetitionData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = options.running === true;
  const reload = useCallback(async () => {
    try {
      const [petitions, section] = await Promise.all([running ? repos.petitions.listRunning() : repos.petitions.list(), repos.petitions.getSettings()]);
      setData({ petitions, section, calendar: calendarOf(section), today: localIsoDate(new Date()) });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [repos, running]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
