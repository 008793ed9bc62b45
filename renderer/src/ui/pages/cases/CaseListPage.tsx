import { Button, HTMLSelect, HTMLTable, InputGroup, NonIdealState, Switch, Tag, useHotkeys } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../core/cases/case-file';
import { CASE_SECTORS, CASE_STAGES } from '../../../core/cases/case-file';
import { type CaseFilter, EMPTY_CASE_FILTER, filedYears, queryCases } from '../../../core/cases/case-query';
import { formatFen } from '../../../core/money';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { ClueAlerts } from '../clues/ClueListView';
import { DeadlineAlertsPanel } from '../petitions/DeadlineAlertsPanel';
import { RiskAlertsPanel } from '../screening/RiskAlertsPanel';

type Loaded = { caseFile: CaseFile; partyNames: string[]; partyIds: string[] }[];

export function CaseListPage({ navigate }: { navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const { repos, settings } = useApp();
  const [items, setItems] = useState<Loaded | null>(null);
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_CASE_FILTER);

  useEffect(() => {
    void repos.cases.listWithPartyNames().then(setItems);
  }, [repos]);

  const rows = useMemo(() => (items ? queryCases(items, filter, settings.backlogCutoff) : []), [items, filter, settings.backlogCutoff]);
  const years = useMemo(() => filedYears((items ?? []).map((i) => i.caseFile)), [items]);
  const districts = useMemo(
    () => [...new Set([...settings.districts, ...(items ?? []).map((i) => i.caseFile.district)])],
    [items, settings.districts],
  );
  const hotkeys = useMemo(
    () => [{ combo: 'alt+n', global: true, label: t('cases.new'), onKeyDown: () => navigate({ area: 'cases', view: 'new' }) }],
    [navigate, t],
  );
  useHotkeys(hotkeys);
  const set = (patch: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="page">
      <header className="page-header">
        <h2>{t('cases.list')}</h2>
        <span className="muted">{items ? t('cases.count', { count: rows.length }) : t('common.loading')}</span>
        <Button intent="primary" icon="add" text={t('cases.new')} onClick={() => navigate({ area: 'cases', view: 'new' })} />
      </header>
      {/* The home screen: petitions that are overdue or due soon come first. */}
      <DeadlineAlertsPanel />
      <ClueAlerts />
      <RiskAlertsPanel />
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          placeholder={t('cases.searchPlaceholder')}
          value={filter.text}
          onValueChange={(text) => set({ text })}
          aria-label={t('common.search')}
          className="filter-search"
        />
        <HTMLSelect aria-label={t('cases.filterStage')} value={filter.stage} onChange={(e) => set({ stage: e.currentTarget.value as CaseFilter['stage'] })}>
          <option value="">{t('cases.filterStage')}：{t('common.all')}</option>
          {CASE_STAGES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label={t('cases.filterDistrict')} value={filter.district} onChange={(e) => set({ district: e.currentTarget.value })}>
          <option value="">{t('cases.filterDistrict')}：{t('common.all')}</option>
          {districts.map((d) => (
            <option key={d} value={d}>{d}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label={t('cases.filterSector')} value={filter.sector} onChange={(e) => set({ sector: e.currentTarget.value as CaseFilter['sector'] })}>
          <option value="">{t('cases.filterSector')}：{t('common.all')}</option>
          {CASE_SECTORS.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect
          aria-label={t('cases.filterYear')}
          value={filter.filedYear ?? ''}
          onChange={(e) => set({ filedYear: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t('cases.filterYear')}：{t('common.all')}</option>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </HTMLSelect>
        <Switch label={t('cases.backlogOnly')} checked={filter.backlogOnly} onChange={(e) => set({ backlogOnly: e.currentTarget.checked })} />
      </div>
      {items && items.length === 0 ? (
        <NonIdealState icon="folder-new" description={t('cases.empty')} />
      ) : items && rows.length === 0 ? (
        <NonIdealState icon="search" description={t('cases.noMatch')} />
      ) : (
        <HTMLTable compact striped interactive className="full-width case-table" data-testid="case-table">
          <colgroup>
            <col className="col-number" />
            <col />
            <col className="col-district" />
            <col className="col-sector" />
            <col className="col-stage" />
            <col className="col-date" />
            <col className="col-amount" />
          </colgroup>
          <thead>
            <tr>
              <th>{t('cases.caseNumber')}</th>
              <th>{t('cases.title')}</th>
              <th>{t('cases.district')}</th>
              <th>{t('cases.sector')}</th>
              <th>{t('cases.stage')}</th>
              <th>{t('cases.filedDate')}</th>
              <th className="num">{t('cases.amountInvolved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ caseFile: c, backlog }) => (
              <tr key={c.id} onClick={() => navigate({ area: 'cases', view: 'detail', caseId: c.id })}>
                <td className="truncate" title={c.caseNumber}>
                  <a href={`#/cases/${encodeURIComponent(c.id)}`}>{c.caseNumber}</a>
                </td>
                <td>
                  {/* A long title ends in … (the whole title on hover); the tag stays readable. */}
                  <div className="title-cell">
                    <span className="truncate" title={c.title}>
                      {c.title}
                    </span>
                    {backlog && (
                      <Tag minimal intent="warning" className="inline-tag">
                        {t('cases.backlogTag')}
                      </Tag>
                    )}
                  </div>
                </td>
                <td className="truncate" title={c.district}>
                  {c.district}
                </td>
                <td>{c.sector}</td>
                <td>{c.stage}</td>
                <td>{c.filedDate ?? '—'}</td>
                <td className="num">{c.amountInvolvedFen === null ? '—' : formatFen(c.amountInvolvedFen)}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
