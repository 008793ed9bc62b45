import { Button, HTMLSelect, } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPeriod, choiceOf, type PeriodChoice, periodOf } from '../../../core/figures/periods';
import type { FigurePeriod } from '../../../core/figures/types';
import { DateField } from '../../components/DateField';

type Kind = PeriodChoice['kind'];

/** Year, quarter, month (applied at once) or any two dates (applied when both are valid). */
export function PeriodPicker(props: { readonly value: FigurePeriod; readonly thisYear: number; readonly onChange: (p: FigurePeriod) => void }) {
  const { t } = useTranslation('dashboard');
  const choice = choiceOf(props.value);
  const year = choice.kind === 'custom' ? Number(props.value.from.slice(0, 4)) : choice.year;
  const [kind, setKind] = useState<Kind>(choice.kind);
  const [from, setFrom] = useState(props.value.from);
  const [to, setTo] = useState(props.value.to);
  const [error, setError] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const years = Array.from({ length: 12 }, (_, i) => props.thisYear - i);

  const pick = (c: PeriodChoice) => {
    setError(null);
    props.onChange(periodOf(c));
  };
  const changeKind = (k: Kind) => {
    setKind(k);
    if (k === 'year') pick({ kind: 'year', year });
    if (k === 'quarter') pick({ kind: 'quarter', year, quarter: 1 });
    if (k === 'month') pick({ kind: 'month', year, month: 1 });
  };
  const applyCustom = () => {
    const bad = checkPeriod({ from, to });
    if (bad) setError(bad);
    else pick({ kind: 'custom', from, to });
  };

  return (
    <div className="dashboard-period" data-testid="period-picker">
      <HTMLSelect aria-label={t('period.kind')} value={kind} onChange={(e) => changeKind(e.currentTarget.value as Kind)}>
        <option value="year">{t('period.year')}</option>
        <option value="quarter">{t('period.quarter')}</option>
        <option value="month">{t('period.month')}</option>
        <option value="custom">{t('period.custom')}</option>
      </HTMLSelect>
      {kind !== 'custom' && (
        <HTMLSelect
          aria-label={t('period.yearField')}
          value={year}
          onChange={(e) => {
            const y = Number(e.currentTarget.value);
            if (kind === 'year') pick({ kind: 'year', year: y });
            if (kind === 'quarter') pick({ kind: 'quarter', year: y, quarter: choice.kind === 'quarter' ? choice.quarter : 1 });
            if (kind === 'month') pick({ kind: 'month', year: y, month: choice.kind === 'month' ? choice.month : 1 });
          }}
        >
          {(years.includes(year) ? years : [year, ...years]).map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </HTMLSelect>
      )}
      {kind === 'quarter' && (
        <HTMLSelect
          aria-label={t('period.quarterField')}
          value={choice.kind === 'quarter' ? choice.quarter : 1}
          onChange={(e) => pick({ kind: 'quarter', year, quarter: Number(e.currentTarget.value) as 1 | 2 | 3 | 4 })}
        >
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t('period.q', { n: q })}
            </option>
          ))}
        </HTMLSelect>
      )}
      {kind === 'month' && (
        <HTMLSelect
          aria-label={t('period.monthField')}
          value={choice.kind === 'month' ? choice.month : 1}
          onChange={(e) => pick({ kind: 'month', year, month: Number(e.currentTarget.value) })}
        >
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {t('period.m', { n: m })}
            </option>
          ))}
        </HTMLSelect>
      )}
      {kind === 'custom' && (
        <>
          <DateField aria-label={t('period.from')} value={from} onValueChange={setFrom} intent={error?.field === 'from' ? 'danger' : 'none'} />
          <span>—</span>
          <DateField aria-label={t('period.to')} value={to} onValueChange={setTo} intent={error?.field === 'to' ? 'danger' : 'none'} />
          <Button text={t('period.apply')} onClick={applyCustom} />
        </>
      )}
      {error && (
        <span className="inline-error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
