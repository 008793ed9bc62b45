import { NonIdealState } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { OpenDatabaseResult } from '../../db/open-database';

/** Shown instead of the app when the store cannot be used; nothing is wiped or written. */
export function StartupProblem({ problem }: { problem: Exclude<OpenDatabaseResult, { status: 'open' }> }) {
  const { t } = useTranslation();
  return (
    <NonIdealState
      icon="error"
      title={t('app.title')}
      description={problem.status === 'in-use-elsewhere' ? t('startup.inUse') : t('startup.failed', { message: problem.message })}
    />
  );
}
