import { useEffect, useState } from 'react';
import type { CaseFile } from '../../../core/cases/case-file';
import { useApp } from '../../app/app-context';

/** The cases a petition can link to (id → case), for pickers and to show titles. */
export function useCases(): ReadonlyMap<string, CaseFile> {
  const { repos } = useApp();
  const [cases, setCases] = useState<ReadonlyMap<string, CaseFile>>(new Map());
  useEffect(() => {
    void repos.cases.listWithPartyNames().then((list) => setCases(new Map(list.map((c) => [c.caseFile.id, c.caseFile]))));
  }, [repos]);
  return cases;
}
