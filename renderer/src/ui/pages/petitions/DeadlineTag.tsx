import { Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { RunningClock } from '../../../core/petitions/deadlines';

/** The running clock of a petition as a coloured tag: red overdue, orange due soon, plain otherwise. */
export function DeadlineTag({ clock }: { readonly clock: RunningClock | null }) {
  const { t } = useTranslation('petitions');
  if (!clock) return <span className="muted">{t('deadline.none')}</span>;
  const which = t(`deadline.${clock.clock}`);
  if (clock.state === 'overdue') {
    return (
      <Tag intent="danger" data-deadline="overdue" title={`${which} ${clock.dueOn}`}>
        {which} {t('deadline.overdue', { days: -clock.daysLeft })}
      </Tag>
    );
  }
  const text = clock.daysLeft === 0 ? t('deadline.dueToday') : t('deadline.dueSoon', { days: clock.daysLeft });
  return (
    <Tag intent={clock.state === 'due-soon' ? 'warning' : 'none'} minimal={clock.state === 'on-track'} data-deadline={clock.state} title={`${which} ${clock.dueOn}`}>
      {which} {clock.dueOn} · {text}
    </Tag>
  );
}
