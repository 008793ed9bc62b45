import { Button, HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import { formatFen } from '../../../core/money';
import { RELAXATION_LABELS } from '../../../core/users/four-eyes';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { notify } from '../../toaster';
import { BatchFormDialog } from './BatchFormDialog';
import { BATCH_STATUS_INTENT, BATCH_STATUS_LABEL, localTime, ruleText } from './batch-labels';
import type { CaseRepaymentData } from './case-repayment-data';
import { runInWorker } from './repayment-client';

export function BatchesTab(props: { readonly caseId: string; readonly data: CaseRepaymentData; readonly reload: () => Promise<void>; readonly navigate: (r: Route) => void }) {
  const { caseId, data, navigate } = props;
  const { t } = useTranslation('repayment');
  const newBatch = useMemo(() => ({ amountText: '', date: localIsoDate(new Date()), smallClaimsFirst: false, thresholdText: '', minPaymentText: '' }), []);
  const { repos, can } = useApp();
  const [creating, setCreating] = useState(false);
  const open = (batchId: string) => navigate({ area: 'repayment', rest: [caseId, 'batch', batchId] });

  return (
    <div>
      <div className="button-row">
        {can('repayment.compute') && <Button intent="primary" icon="add" text={t('batches.new')} onClick={() => setCreating(true)} />}
      </div>
      {data.batches.length === 0 ? (
        <NonIdealState icon="bank-account" description={t('batches.empty')} />
      ) : (
        <HTMLTable compact striped interactive className="full-width" data-testid="batch-table">
          <thead>
            <tr>
              <th>{t('batches.number')}</th>
              <th>{t('batches.date')}</th>
              <th className="num">{t('batches.amount')}</th>
              <th>{t('batches.rule')}</th>
              <th>{t('batches.status')}</th>
              <th className="num">{t('batches.allocated')}</th>
              <th className="num">{t('batches.unallocated')}</th>
              <th className="num">{t('batches.paid')}</th>
              <th>{t('batches.approver')}</th>
            </tr>
          </thead>
          <tbody>
            {data.batches.map((b) => (
              <tr key={b.id} onClick={() => open(b.id)}>
                <td>
                  <a href={`#/repayment/${encodeURIComponent(caseId)}/batch/${encodeURIComponent(b.id)}`}>{t('batches.nth', { n: b.number })}</a>
                </td>
                <td>{b.date}</td>
                <td className="num">{formatFen(b.amountFen)}</td>
                <td>{ruleText(b.rule, t)}</td>
                <td>
                  <Tag minimal intent={BATCH_STATUS_INTENT[b.status]}>{BATCH_STATUS_LABEL[b.status]}</Tag>
                </td>
                <td className="num">{formatFen(b.allocatedFen)}</td>
                <td className="num">{formatFen(b.unallocatedFen)}</td>
                <td className="num">{b.status === 'draft' ? '—' : formatFen(b.paidFen)}</td>
                <td>
                  {b.approvedBy ? `${b.approvedBy} ${localTime(b.approvedAt)}` : '—'}
                  {(b.relaxations ?? []).length > 0 && (
                    <Tag minimal intent="warning" className="inline-tag" title={(b.relaxations ?? []).map((r) => RELAXATION_LABELS[r.relaxation]).join('；')}>
                      {t('users:fourEyes.relaxedTag')}
                    </Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      {creating && (
        <BatchFormDialog
          title={t('form.titleNew')}
          draftKey={`repayment:batch:${caseId}:new`}
          initial={newBatch}
          fundsAvailableFen={data.figures.fundsAvailableFen}
          onSubmit={(draft, onProgress) => runInWorker(repos, { kind: 'createBatch', caseId, draft }, onProgress)}
          onClose={() => setCreating(false)}
          onDone={(id) => {
            void notify(t('form.computed'), 'success');
            open(id);
          }}
        />
      )}
    </div>
  );
}
