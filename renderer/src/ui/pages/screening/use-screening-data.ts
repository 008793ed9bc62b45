import { useCallback, useEffect, useState } from 'react';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';

/** The screening tables, read once per page visit and again after each change. */
export function useScreeningData() {
  const { repos } = useApp();
  const [data, setData] = useState<ScreeningData | null>(null);
  const [keywords, setKeywords] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const [d, k] = await Promise.all([repos.screening.load(), repos.screening.getKeywords()]);
      setData(d);
      setKeywords(k);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [repos]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, keywords, error, reload };
}
