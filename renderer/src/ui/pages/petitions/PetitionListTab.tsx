import { Button, HTMLSelect, HTMLTable, InputGroup, NonIdealState, Switch, useHotkeys } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../core/cases/case-file';
import { PETITION_LEVELS, PETITION_STATUSES, type Petition } from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DeadlineTag } from './DeadlineTag';
import { petitionClock } from './petition-clock';
import type { PetitionData } from './use-petition-data';

interface Filter {
  readonly text: string;
  readonly status: string;
  readonly level: string;
  readonly overdueOnly: boolean;
  readonly mineOnly: boolean;
}

const EMPTY: Filter = { text: '', status: '', level: '', overdueOnly: false, mineOnly: false };

function haystack(p: Petition, caseTitle: string): string {
  return [p.registerNo ?? '', p.demands, p.handler, caseTitle, p.channel, ...p.petitioners.map((x) => x.name)].join('\n').toLowerCase();
}

export function PetitionListTab(props: { readonly data: PetitionData; readonly cases: ReadonlyMap<string, CaseFile>; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('petitions');
  const { settings } = useApp();
  const { data, cases, navigate } = props;
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const operator = settings.operatorName.trim();
  const hotkeys = useMemo(
    () => [{ combo: 'alt+n', global: true, label: t('list.new'), onKeyDown: () => navigate({ area: 'petitions', rest: ['new'] }) }],
    [navigate, t],
  );
  useHotkeys(hotkeys);

  const rows = useMemo(() => {
    const needle = filter.text.trim().toLowerCase();
    return data.petitions
      .map((p) => ({ p, view: petitionClock(p, data), caseTitle: p.caseId ? (cases.get(p.caseId)?.title ?? '') : '' }))
      .filter(({ p, view, caseTitle }) => {
        if (filter.status && p.status !== filter.status) return false;
        if (filter.level && p.level !== filter.level) return false;
        if (filter.overdueOnly && view.clock?.state !== 'overdue') return false;
        if (filter.mineOnly && p.handler !== operator) return false;
        return !needle || haystack(p, caseTitle).includes(needle);
      });
  }, [data, cases, filter, operator]);

  return (
    <section>
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          placeholder={t('list.searchPlaceholder')}
          value={filter.text}
          onValueChange={(text) => set({ text })}
          aria-label={t('list.searchLabel')}
          className="filter-search"
        />
        <HTMLSelect aria-label={t('list.filterStatus')} value={filter.status} onChange={(e) => set({ status: e.currentTarget.value })}>
          <option value="">{t('list.filterStatus')}：{t('list.any')}</option>
          {PETITION_STATUSES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label={t('list.filterLevel')} value={filter.level} onChange={(e) => set({ level: e.currentTarget.value })}>
          <option value="">{t('list.filterLevel')}：{t('list.any')}</option>
          {PETITION_LEVELS.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </HTMLSelect>
        <Switch label={t('list.overdueOnly')} checked={filter.overdueOnly} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} />
        <Switch label={t('list.mineOnly')} checked={filter.mineOnly} onChange={(e) => set({ mineOnly: e.currentTarget.checked })} />
        <span className="muted">{t('list.count', { count: rows.length })}</span>
        <Button intent="primary" icon="add" text={t('list.new')} onClick={() => navigate({ area: 'petitions', rest: ['new'] })} />
      </div>
      {data.petitions.length === 0 ? (
        <NonIdealState icon="chat" description={t('list.empty')} />
      ) : rows.length === 0 ? (
        <NonIdealState icon="search" description={t('list.noMatch')} />
      ) : (
        <HTMLTable compact striped interactive className="full-width" data-testid="petition-table">
          <thead>
            <tr>
              <th>{t('col.registerNo')}</th>
              <th>{t('col.receivedOn')}</th>
              <th>{t('col.channel')}</th>
              <th>{t('col.level')}</th>
              <th className="num">{t('col.persons')}</th>
              <th>{t('col.petitioners')}</th>
              <th>{t('col.case')}</th>
              <th>{t('col.demands')}</th>
              <th>{t('col.handler')}</th>
              <th>{t('col.status')}</th>
              <th>{t('col.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ p, view, caseTitle }) => (
              <tr key={p.id} onClick={() => navigate({ area: 'petitions', rest: [p.id] })}>
                <td>
                  <a href={`#/petitions/${encodeURIComponent(p.id)}`}>{p.registerNo || t('list.noNumber')}</a>
                </td>
                <td>{p.receivedOn}</td>
                <td>{p.channel}</td>
                <td className={p.level === '到省' || p.level === '进京' ? 'petition-high-level' : undefined}>{p.level}</td>
                <td className="num">{p.personCount}</td>
                <td>{p.petitioners.map((x) => x.name).join('、')}</td>
                <td className="petition-ellipsis" title={caseTitle}>{caseTitle || '—'}</td>
                <td className="petition-ellipsis" title={p.demands}>{p.demands}</td>
                <td>{p.handler}</td>
                <td>{p.status}</td>
                <td>{view.problem ? <span className="inline-error">{view.problem}</span> : <DeadlineTag clock={view.clock} />}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
