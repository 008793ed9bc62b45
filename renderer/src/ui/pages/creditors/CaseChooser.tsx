import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { CaseChooser as SharedCaseChooser } from '../../components/CaseChooser';

export function CaseChooser({ navigate }: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('creditors');
  const { repos } = useApp();
  useEffect(() => {
    // Blocks left by an import the app did not finish are removed when the area opens.
    void repos.creditors.cleanupOrphans();
  }, [repos]);
  return (
    <SharedCaseChooser
      area="creditors"
      navigate={navigate}
      testId="creditor-case-table"
      text={{
        title: t('title'),
        intro: t('chooser.intro'),
        empty: t('chooser.empty'),
        none: t('chooser.none'),
        caseNumber: t('chooser.caseNumber'),
        caseTitle: t('chooser.caseTitle'),
        count: t('chooser.count'),
        netClaim: t('chooser.netClaim'),
      }}
    />
  );
}
