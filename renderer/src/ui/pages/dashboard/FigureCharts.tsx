import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictTable } from '../../../core/figures/compute';
import { computeByDistrict, previousYearPeriod } from '../../../core/figures/compute';
import { OFFICE_FIGURES } from '../../../core/figures/office-figures';
import type { FigureRecords } from '../../../core/figures/records';
import { newCasesByMonth, petitionsByMonth, refundProgress } from '../../../core/figures/series';
import type { FigurePeriod } from '../../../core/figures/types';
import { districtBars, monthlyComparison, refundBars } from './chart-options';
import { EChart } from './EChart';

const TOP_CASES = 15;
const NEW_CASES = OFFICE_FIGURES.figures.filter((f) => f.id === 'cases.new.count');

/** The four charts: new cases by month, by district, refund progress per case, petitions by month. */
export function FigureCharts(props: { readonly records: FigureRecords; readonly period: FigurePeriod; readonly today: string }) {
  const { t } = useTranslation('dashboard');
  const { records, period, today } = props;
  const options = useMemo(() => {
    const labels = { thisYear: t('charts.thisYear'), lastYear: t('charts.lastYear') };
    const cases = newCasesByMonth(records, period);
    const petitions = petitionsByMonth(records, period);
    const current = computeByDistrict(NEW_CASES, records, period, today);
    const previous = computeByDistrict(NEW_CASES, records, previousYearPeriod(period), today);
    const names = current.columns.map((c) => c ?? t('district.unassigned'));
    const values = (d: DistrictTable) => (d.cells.get('cases.new.count') ?? []).map((r) => r.value ?? 0);
    const progress = refundProgress(records, period).slice(0, TOP_CASES);
    const title = new Map(records.cases.map((c) => [c.id, c.title]));
    return {
      newCases: monthlyComparison(t('charts.newCases'), { ...labels, unit: t('charts.count') }, cases.count, { name: t('charts.amount'), series: cases.amountFen, scale: 10_000 }),
      byDistrict: districtBars(t('charts.byDistrict'), { ...labels, unit: t('charts.count') }, names, values(current), values(previous)),
      refunds: progress.length
        ? refundBars(
            t('charts.refunds', { n: progress.length }),
            t('charts.rate'),
            progress.map((p) => title.get(p.caseId) ?? p.caseId),
            progress.map((p) => Number.parseFloat(p.rate)),
          )
        : null,
      petitions: monthlyComparison(t('charts.petitions'), { ...labels, unit: t('charts.batches') }, petitions.batches),
    };
  }, [records, period, today, t]);
  return (
    <div className="dashboard-charts" data-testid="figure-charts">
      <EChart option={options.newCases} testId="chart-new-cases" />
      <EChart option={options.byDistrict} testId="chart-districts" />
      {options.refunds ? <EChart option={options.refunds} height={Math.max(220, 40 + 26 * TOP_CASES)} testId="chart-refunds" /> : <p className="muted">{t('charts.none')}</p>}
      <EChart option={options.petitions} testId="chart-petitions" />
    </div>
  );
}
