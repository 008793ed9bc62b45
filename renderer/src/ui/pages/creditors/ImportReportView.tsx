import { Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../core/money';
import type { ImportReport } from '../../../workers/creditor-import-protocol';

/** A row's problems as one text: each message is a sentence, so they join with no "。；" between. */
function problemText(issues: readonly { readonly message: string }[]): string {
  return issues.map((i, n) => (n < issues.length - 1 ? i.message.replace(/。$/, '；') : i.message)).join('');
}

/** Rows listed on screen; the problems export has all of them. */
const LISTED_PROBLEMS = 500;

export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const { t } = useTranslation('creditors');
  const listed = report.problems.slice(0, LISTED_PROBLEMS);
  return (
    <div className="import-report" data-testid="import-report">
      {report.fatal ? (
        <Callout intent="danger" data-testid="import-fatal">
          {report.fatal.message}
        </Callout>
      ) : (
        <>
          <div className="import-stats">
            <Tag large minimal>{t('wizard.dataRows')} {report.dataRows}</Tag>
            <Tag large minimal intent="success">{t('wizard.okRows')} {report.okRows}</Tag>
            <Tag large minimal intent="warning" data-testid="warning-rows">{t('wizard.warningRows')} {report.warningRows}</Tag>
            <Tag large minimal intent="danger" data-testid="error-rows">{t('wizard.errorRows')} {report.errorRows}</Tag>
            {report.conflictRows > 0 && (
              <Tag large minimal intent="danger" data-testid="conflict-rows">{t('wizard.conflictRows')} {report.conflictRows}</Tag>
            )}
          </div>
          <p className="muted">{t('wizard.skipped', report.skipped)}</p>
          <p data-testid="import-creditors">{t('wizard.creditors', { count: report.creditorsInFile, added: report.newCreditors, merged: report.mergedCreditors })}</p>
          <p>
            {t('wizard.fileTotals', {
              principal: formatFen(report.filePrincipalFen),
              returned: formatFen(report.fileReturnedFen),
              net: formatFen(report.fileNetClaimFen),
            })}
          </p>
          <p>
            <strong>{t('wizard.registerAfter', { count: report.registerCount, net: formatFen(report.registerNetClaimFen) })}</strong>
          </p>
        </>
      )}
      {listed.length > 0 && (
        <div className="import-problems">
          <HTMLTable compact striped className="full-width" data-testid="import-problems">
            <colgroup>
              <col className="problem-row" />
              <col className="problem-level" />
              <col className="problem-column" />
              <col className="problem-value" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>{t('wizard.problemRow')}</th>
                <th>{t('wizard.problemLevel')}</th>
                <th>{t('wizard.problemColumn')}</th>
                <th>{t('wizard.problemValue')}</th>
                <th>{t('wizard.problemMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((p) => (
                <tr key={`${p.row}-${p.code}`} data-row={p.row}>
                  <td className="num">{p.row}</td>
                  <td>
                    <Tag minimal intent={p.status === 'error' ? 'danger' : 'warning'}>
                      {p.status === 'error' ? t('wizard.levelError') : t('wizard.levelWarning')}
                    </Tag>
                  </td>
                  <td>{p.column ?? ''}</td>
                  <td className="mono">{p.value ?? ''}</td>
                  <td>{problemText(p.issues ?? [p])}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
          {report.problems.length > listed.length && <p className="muted">{t('wizard.moreProblems', { count: report.problems.length - listed.length })}</p>}
        </div>
      )}
    </div>
  );
}
