import { Button, Callout, HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { DescribedEntry } from '../../core/audit/describe-entry';

/** The fields an entry changed, before and after, as the app shows them. */
export function AuditDetails(props: { readonly entry: DescribedEntry; readonly seq: number; readonly canReveal: boolean; readonly revealed: boolean; readonly onReveal: () => void }) {
  const { t } = useTranslation();
  const { entry } = props;
  const hasBefore = entry.lines.some((l) => l.before !== undefined);
  return (
    <div className="audit-details" data-testid={`audit-details-${props.seq}`}>
      <HTMLTable compact className="audit-lines">
        <thead>
          <tr>
            <th>{t('audit.field')}</th>
            {hasBefore && <th>{t('audit.before')}</th>}
            <th>{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {entry.lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one entry keep their order
            <tr key={i}>
              <td>{l.label}</td>
              {hasBefore && <td>{l.before ?? ''}</td>}
              <td>{l.after ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {props.revealed && (
        <Callout compact intent="primary" icon="eye-open">
          {t('audit.revealed')}
        </Callout>
      )}
      {props.canReveal && <Button small icon="eye-open" text={t('audit.reveal')} onClick={props.onReveal} />}
    </div>
  );
}
