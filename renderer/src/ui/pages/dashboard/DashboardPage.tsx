import { Button, Callout, HTMLSelect, Spinner, Tab, Tabs } from '@blueprintjs/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import { computeByDistrict, previousYearPeriod } from '../../../core/figures/compute';
import { figuresWorkbookBytes } from '../../../core/figures/figures-xlsx';
import { OFFICE_FIGURES } from '../../../core/figures/office-figures';
import { periodLabelZh } from '../../../core/figures/periods';
import type { FigurePeriod } from '../../../core/figures/types';
import { useApp } from '../../app/app-context';
import { type Route, routeHref } from '../../app/routes';
import { DistrictTable } from './DistrictTable';
import { dashboardRoute, parseDashboardRest } from './dashboard-route';
import { FigureTable } from './FigureTable';
import './dashboard.css';
import './messages';
import { notify } from '../../toaster';
import { PeriodPicker } from './PeriodPicker';
import { RecordsView } from './RecordsView';
import { useFigureData } from './use-figure-data';
import { WorkReportDialog } from './WorkReportDialog';

// ECharts is loaded when the charts tab is first opened, so the figures show without waiting for it.
const FigureCharts = lazy(() => import('./FigureCharts').then((m) => ({ default: m.FigureCharts })));
type TabId = 'figures' | 'districts' | 'charts';

/** 统计: every figure for a period beside the same period a year before, by district, charts, export. */
export function DashboardPage(props: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('dashboard');
  const { repos, bridge, settings } = useApp();
  const today = localIsoDate(new Date());
  const view = parseDashboardRest(props.rest, today);
  const { period, district } = view;
  // The route gives a new period object on every render; the data hook must see a change only when the dates change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the dates on purpose
  const stablePeriod = useMemo(() => period, [period.from, period.to]);
  const data = useFigureData(stablePeriod, district, today);
  const [tab, setTab] = useState<TabId>('figures');
  const [reportOpen, setReportOpen] = useState(false);
  const href = (figureId?: string, d: string | null | undefined = district, p: FigurePeriod = period) => routeHref(dashboardRoute({ period: p, district: d, ...(figureId ? { figureId } : {}) }));
  const complete = data.pendingAreas.size === 0;
  const byDistrict = useMemo(
    () => (tab === 'districts' && complete && data.records ? computeByDistrict(OFFICE_FIGURES.figures, data.scoped ?? data.records, stablePeriod, today) : null),
    [tab, complete, data.records, data.scoped, stablePeriod, today],
  );

  if (data.error) return <Callout intent="danger">{t('loadFailed', { message: data.error })}</Callout>;
  if (!data.records || !data.scoped) {
    return (
      <div className="page">
        <Spinner size={24} /> {t('loading')}
      </div>
    );
  }
  if (view.figureId) {
    return (
      <RecordsView
        figureId={view.figureId}
        row={data.rows.find((r) => r.figure.id === view.figureId)}
        records={data.records}
        period={period}
        district={district}
        onBack={() => props.navigate(dashboardRoute({ period, district }))}
        districtHref={(d) => href(undefined, d)}
      />
    );
  }
  const districts = [...settings.districts, ...(district && !settings.districts.includes(district) ? [district] : [])];
  const previous = previousYearPeriod(period);

  const scoped = data.scoped;
  const exportXlsx = async () => {
    const table = computeByDistrict(OFFICE_FIGURES.figures, scoped, stablePeriod, today);
    const bytes = figuresWorkbookBytes(data.rows, district === undefined ? table : null, {
      officeName: settings.officeName,
      period,
      previous,
      district: district === undefined ? null : (district ?? t('district.unassigned')),
      generatedOn: today,
    });
    const name = `统计数据_${period.from}_${period.to}${district ? `_${district}` : ''}.xlsx`;
    const saved = await bridge.saveFile({ suggestedName: name, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes });
    if (saved.status !== 'saved') return;
    await repos.figures.recordExport('figures-xlsx', saved.fileName, { period, district: district ?? null, figures: data.rows.length });
    await notify(t('exported', { file: saved.fileName }), 'success');
  };

  return (
    <section className="page dashboard-page">
      <header className="page-header dashboard-header">
        <h2>
          {t('title')} <span className="muted dashboard-period-label">{periodLabelZh(period)}{district !== undefined ? `·${district ?? t('district.unassigned')}` : ''}</span>
        </h2>
        <div className="dashboard-actions no-print">
          <Button icon="export" text={t('exportXlsx')} disabled={!complete} onClick={() => void exportXlsx()} />
          <Button icon="document" text={t('report')} disabled={!complete} onClick={() => setReportOpen(true)} />
          <Button icon="print" text={t('print')} onClick={() => window.print()} />
        </div>
      </header>
      <div className="dashboard-filters no-print">
        <PeriodPicker key={`${period.from}/${period.to}`} value={period} thisYear={Number(today.slice(0, 4))} onChange={(p) => props.navigate(dashboardRoute({ period: p, district }))} />
        <HTMLSelect
          aria-label={t('district.label')}
          value={district === undefined ? '' : (district ?? '-')}
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.navigate(dashboardRoute({ period, district: v === '' ? undefined : v === '-' ? null : v }));
          }}
        >
          <option value="">{t('district.all')}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
          <option value="-">{t('district.unassigned')}</option>
        </HTMLSelect>
        <span className="muted">{t('period.previous', { from: previous.from, to: previous.to })}</span>
      </div>
      {data.refreshing && (
        <Callout intent="primary" icon="refresh" className="no-print" data-testid="refunds-refreshing">
          {t('refreshing', data.refreshing)}
        </Callout>
      )}
      <Tabs id="dashboard-tabs" selectedTabId={tab} onChange={(id) => setTab(id as TabId)} renderActiveTabPanelOnly>
        <Tab
          id="figures"
          title={t('tabs.figures')}
          panel={<FigureTable areas={OFFICE_FIGURES.areas} rows={data.rows} recordsHref={(id) => href(id)} updatingAreas={new Set(data.refreshing ? ['refunds'] : [])} pendingAreas={data.pendingAreas} />}
        />
        <Tab id="districts" title={t('tabs.districts')} panel={byDistrict ? <DistrictTable table={byDistrict} rows={data.rows} districtHref={(d) => href(undefined, d)} /> : <Spinner size={20} />} />
        <Tab
          id="charts"
          title={t('tabs.charts')}
          panel={
            complete ? (
              <Suspense fallback={<Spinner size={20} />}>
                <FigureCharts records={data.scoped} period={period} today={today} />
              </Suspense>
            ) : (
              <Spinner size={20} />
            )
          }
        />
      </Tabs>
      <WorkReportDialog isOpen={reportOpen} onClose={() => setReportOpen(false)} rows={data.rows} period={period} district={district} />
    </section>
  );
}
