import { FormGroup, HTMLSelect } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ReportPeriodKind } from '../../../core/exchange';
import './messages';

/** The kind of reporting period (月/季/年) and its year: making a package and the overview pick them alike. */
export function PeriodKindYear(props: {
  readonly idPrefix: string;
  readonly kind: ReportPeriodKind;
  readonly onKind: (kind: ReportPeriodKind) => void;
  readonly year: number;
  readonly onYear: (year: number) => void;
  /** Today in the office's time zone (YYYY-MM-DD): the years offered run from six before to one after. */
  readonly today: string;
}) {
  const { t } = useTranslation('exchange');
  const { idPrefix, kind, onKind, year, onYear, today } = props;
  return (
    <>
      <FormGroup label={t('make.periodKind')} labelFor={`${idPrefix}-kind`} inline>
        <HTMLSelect id={`${idPrefix}-kind`} value={kind} onChange={(e) => onKind(e.currentTarget.value as ReportPeriodKind)}>
          {(['month', 'quarter', 'year'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`make.kinds.${k}`)}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
      <FormGroup label={t('make.year')} labelFor={`${idPrefix}-year`} inline>
        <HTMLSelect id={`${idPrefix}-year`} value={year} onChange={(e) => onYear(Number(e.currentTarget.value))}>
          {Array.from({ length: 8 }, (_, i) => Number(today.slice(0, 4)) - 6 + i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
    </>
  );
}
