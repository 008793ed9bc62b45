import { Button, InputGroup, Menu, MenuItem } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import type { StoredCreditor } from '../../../db/repositories/creditor-types';
import { useApp } from '../../app/app-context';
import { CREDITOR_MATCH_LIMIT, matchCreditors } from './creditor-match';

/** Finds a creditor of the linked case by name or ID number and hands it to the form (ID masked). */
export function CreditorPicker(props: { readonly caseId: string; readonly taken: ReadonlySet<string>; readonly onPick: (c: StoredCreditor) => void }) {
  const { t } = useTranslation('petitions');
  const { repos } = useApp();
  const [creditors, setCreditors] = useState<StoredCreditor[] | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    setCreditors(null);
    void repos.creditors.loadCase(props.caseId).then((list) => {
      if (live) setCreditors(list);
    });
    return () => {
      live = false;
    };
  }, [props.caseId, repos]);

  const found = useMemo(() => matchCreditors((creditors ?? []).filter((c) => !props.taken.has(c.cid)), query), [creditors, query, props.taken]);
  if (creditors === null) return <span className="muted">{t('form.creditorLoading')}</span>;
  if (creditors.length === 0) return <span className="muted">{t('form.noRegister')}</span>;
  return (
    <div className="creditor-picker">
      <InputGroup leftIcon="search" aria-label={t('form.pickCreditor')} placeholder={t('form.creditorSearch')} value={query} onValueChange={setQuery} />
      {query.trim().length >= 2 && (
        <Menu className="creditor-picker-results" data-testid="creditor-matches">
          {found.matches.length === 0 && <MenuItem disabled text={t('form.creditorNone')} />}
          {found.matches.map((c) => (
            <MenuItem
              key={c.cid}
              text={c.name}
              label={maskIdNumber(c.idNumber)}
              onClick={() => {
                props.onPick(c);
                setQuery('');
              }}
            />
          ))}
          {found.more && <MenuItem disabled text={t('form.creditorMore', { count: CREDITOR_MATCH_LIMIT })} />}
        </Menu>
      )}
      {query.trim().length > 0 && <Button minimal small icon="cross" aria-label={t('translation:common.cancel')} onClick={() => setQuery('')} />}
    </div>
  );
}
