import { useTranslation } from 'react-i18next';
import type { Route } from '../../app/routes';
import { CaseChooser } from '../../components/CaseChooser';

export function RepaymentCaseChooser({ navigate }: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('repayment');
  return (
    <CaseChooser
      area="repayment"
      navigate={navigate}
      testId="repayment-case-table"
      text={{
        title: t('title'),
        intro: t('chooser.intro'),
        empty: t('chooser.empty'),
        none: t('chooser.none'),
        caseNumber: t('chooser.caseNumber'),
        caseTitle: t('chooser.caseTitle'),
        count: t('chooser.creditors'),
      }}
    />
  );
}
