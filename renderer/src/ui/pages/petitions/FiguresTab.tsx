import { Button, Callout, HTMLTable } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../core/calendar/iso-date';
import type { CaseFile } from '../../../core/cases/case-file';
import { computePetitionFigures, type DatePeriod, type PetitionFigures } from '../../../core/petitions/figures';
import { buildPetitionLedger } from '../../../core/petitions/ledger';
import { formatPercentChange, formatRate, type Rate, type YearOnYear } from '../../../core/petitions/percent';
import { PETITION_LEVELS } from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { notify } from '../../toaster';
import { ledgerWorkbookBytes } from './ledger-xlsx';
import type { PetitionData } from './use-petition-data';

function compute(data: PetitionData, period: DatePeriod): { figures: PetitionFigures } | { error: string } {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return { error: '统计期间：请填写有效的开始和结束日期（YYYY-MM-DD）' };
  try {
    return { figures: computePetitionFigures(data.petitions, period, data.section.deadlines, data.calendar, data.today) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function FiguresTab({ data, cases }: { readonly data: PetitionData; readonly cases: ReadonlyMap<string, CaseFile> }) {
  const { t } = useTranslation('petitions');
  const { bridge, repos } = useApp();
  const [from, setFrom] = useState(`${data.today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(data.today);
  const result = useMemo(() => compute(data, { from, to }), [data, from, to]);
  const [exporting, setExporting] = useState(false);

  const exportLedger = async () => {
    if ('error' in result) return;
    setExporting(true);
    try {
      await repos.users.require('personal.export', { entity: 'petitions', entityId: `ledger:${from}..${to}` });
      const titles = new Map([...cases.values()].map((c) => [c.id, c.title]));
      const ledger = buildPetitionLedger(data.petitions, { from, to }, data.section.deadlines, data.calendar, data.today, titles);
      const bytes = ledgerWorkbookBytes(ledger, `信访台账（${from} 至 ${to}）`);
      const saved = await bridge.saveFile({ suggestedName: `信访台账_${from}_${to}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes });
      if (saved.status !== 'saved') return;
      await repos.petitions.recordLedgerExport({ from, to }, ledger.rows.length, saved.fileName);
      await notify(t('figures.exported', { file: saved.fileName, rows: ledger.rows.length }), 'success');
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="petition-figures">
      <div className="filter-bar">
        <label htmlFor="fig-from">{t('figures.from')}</label>
        <DateField id="fig-from" value={from} onValueChange={setFrom} aria-label="统计开始日期" />
        <label htmlFor="fig-to">{t('figures.to')}</label>
        <DateField id="fig-to" value={to} onValueChange={setTo} aria-label="统计结束日期" />
        <Button icon="export" text={t('figures.export')} disabled={'error' in result} loading={exporting} onClick={() => void exportLedger()} />
      </div>
      {'error' in result ? <Callout intent="danger" data-testid="figures-error">{result.error}</Callout> : <FiguresView f={result.figures} cases={cases} />}
    </section>
  );
}

function FiguresView({ f, cases }: { readonly f: PetitionFigures; readonly cases: ReadonlyMap<string, CaseFile> }) {
  const { t } = useTranslation('petitions');
  const change = (c: YearOnYear) => <td className={`num ${c.percent !== null && c.percent > 0 ? 'petition-up' : ''}`}>{formatPercentChange(c)}</td>;
  const rateCell = (r: Rate) => (
    <td className="num">
      {formatRate(r)} <span className="muted">({t('figures.rateDetail', { num: r.numerator, den: r.denominator })})</span>
    </td>
  );
  const high = f.provinceOrBeijing;
  return (
    <div data-testid="figures">
      {high.batches > 0 && (
        <Callout intent="danger" icon="warning-sign" data-testid="high-level-alert">
          {t('figures.highAlert', { batches: high.batches, persons: high.personTimes })}
        </Callout>
      )}
      <div className="petition-figures-grid">
        <div>
          <h3>
            {f.period.from} 至 {f.period.to}（{t('figures.previous')} {f.previousPeriod.from} 至 {f.previousPeriod.to}）
          </h3>
          <HTMLTable compact striped className="full-width" data-testid="figures-summary">
            <thead>
              <tr>
                <th>{t('figures.metric')}</th>
                <th className="num">{t('figures.period')}</th>
                <th className="num">{t('figures.previous')}</th>
                <th className="num">{t('figures.change')}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['batches', f.change.batches],
                  ['personTimes', f.change.personTimes],
                  ['collectiveBatches', f.change.collectiveBatches],
                  ['collectivePersonTimes', f.change.collectivePersonTimes],
                ] as const
              ).map(([key, c]) => (
                <tr key={key}>
                  <td>{t(`figures.${key}`)}</td>
                  <td className="num">{c.current}</td>
                  <td className="num">{c.previous}</td>
                  {change(c)}
                </tr>
              ))}
            </tbody>
          </HTMLTable>
          <h3>{t('figures.rates')}</h3>
          <HTMLTable compact striped className="full-width" data-testid="figures-rates">
            <tbody>
              <tr>
                <td>{t('figures.onTimeAcceptance')}</td>
                {rateCell(f.onTimeAcceptance)}
              </tr>
              <tr>
                <td>{t('figures.onTimeResolution')}</td>
                {rateCell(f.onTimeResolution)}
              </tr>
              <tr>
                <td>
                  {t('figures.resolution')} <span className="muted">{t('figures.partial', { n: f.outcomes.部分化解 })}</span>
                </td>
                {rateCell(f.resolution)}
              </tr>
            </tbody>
          </HTMLTable>
        </div>
        <div>
          <h3>{t('figures.byLevel')}</h3>
          <HTMLTable compact striped className="full-width" data-testid="figures-levels">
            <thead>
              <tr>
                <th>{t('figures.level')}</th>
                <th className="num">{t('figures.batches')}</th>
                <th className="num">{t('figures.personTimes')}</th>
                <th className="num">{t('figures.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {PETITION_LEVELS.map((l) => {
                const cur = f.current.byLevel[l];
                const prev = f.previous.byLevel[l];
                const hot = (l === '到省' || l === '进京') && cur.batches > 0;
                return (
                  <tr key={l} className={hot ? 'petition-hot-row' : undefined}>
                    <td>{l}</td>
                    <td className="num">{cur.batches}</td>
                    <td className="num">{cur.personTimes}</td>
                    <td className="num muted">
                      {prev.batches} / {prev.personTimes}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </HTMLTable>
          <h3>{t('figures.byCase')}</h3>
          <HTMLTable compact striped className="full-width" data-testid="figures-cases">
            <tbody>
              {f.byCase.map((c) => (
                <tr key={c.caseId ?? '-'}>
                  <td>{c.caseId === null ? t('figures.caseNone') : (cases.get(c.caseId)?.title ?? c.caseId)}</td>
                  <td className="num">{t('figures.batchCount', { n: c.batches })}</td>
                  <td className="num">{t('figures.personCount', { n: c.personTimes })}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      </div>
    </div>
  );
}
