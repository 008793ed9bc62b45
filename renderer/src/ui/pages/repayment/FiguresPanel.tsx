import { Card } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../core/money';
import type { CaseFiguresView } from '../../../db/repositories/repayment-figures';
import { relaxedBatchesText } from './FourEyesNotes';

/** The case's repayment figures at a glance (all from integer fen; rates truncated, never rounded up). */
export function FiguresPanel({ figures: f }: { readonly figures: CaseFiguresView }) {
  const { t } = useTranslation('repayment');
  const relaxed = relaxedBatchesText(f.relaxedBatches ?? []);
  const items: [string, string, string][] = [
    ['recovered', t('figures.recovered'), `${formatFen(f.recoveredFen)} 元`],
    ['allocated', t('figures.allocated'), `${formatFen(f.allocatedFen)} 元`],
    ['available', t('figures.available'), `${formatFen(f.fundsAvailableFen)} 元`],
    ['paid', t('figures.paid'), `${formatFen(f.paidFen)} 元`],
    ['outstanding', t('figures.outstanding'), `${formatFen(f.outstandingFen)} 元`],
    ['rate', t('figures.rate'), f.refundRate],
    ['persons', t('figures.persons'), f.personsRefunded.toLocaleString('zh-CN')],
    ['eligible', t('figures.eligible'), `${f.eligibleCount.toLocaleString('zh-CN')}（${t('figures.excluded')} ${f.excludedCount.toLocaleString('zh-CN')}）`],
  ];
  if (f.failedOrReturnedCount > 0) {
    items.push(['reissue', t('figures.reissue'), `${formatFen(f.failedOrReturnedFen)} 元（${f.failedOrReturnedCount} 笔）`]);
  }
  return (
    <Card compact className="repayment-figures" data-testid="repayment-figures">
      {items.map(([key, label, value]) => (
        <div key={key} className="repayment-figure" data-testid={`figure-${key}`}>
          <div className="repayment-figure-label">{label}</div>
          <div className="repayment-figure-value num">{value}</div>
        </div>
      ))}
      <div className="repayment-figure-hint muted">
        {t('figures.rateHint')}；{t('figures.eligibleNet')} {formatFen(f.eligibleNetClaimFen)} 元
      </div>
      {relaxed && (
        <div className="repayment-figure-hint" data-testid="figures-relaxed">
          {t('users:fourEyes.figures', { list: relaxed })}
        </div>
      )}
    </Card>
  );
}
