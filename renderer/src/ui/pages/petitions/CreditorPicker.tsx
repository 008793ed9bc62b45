import { Button, Callout, InputGroup, Menu, MenuItem, ProgressBar } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PICK_MIN_CHARS } from '../../../core/creditors/creditor-pick';
import type { PickedCreditor } from '../../../workers/creditor-search-protocol';
import { useApp } from '../../app/app-context';
import { type CreditorSearch, openCreditorSearch } from './creditor-search-client';

/** Creditors listed per search; the rest are counted. */
export const CREDITOR_MATCH_LIMIT = 8;

type Register = { readonly kind: 'checking' } | { readonly kind: 'none' } | { readonly kind: 'loading'; readonly read: number; readonly total: number } | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly message: string };

/**
 * Finds a creditor of the linked case by name, ID number (start or end) or phone and hands it to the
 * form (ID masked). The register is read and searched in a worker (issue 17: a million creditors
 * never come to the page): the page gets the number found and the first few.
 */
export function CreditorPicker(props: { readonly caseId: string; readonly taken: ReadonlySet<string>; readonly onPick: (c: PickedCreditor) => void }) {
  const { t } = useTranslation('petitions');
  const { repos } = useApp();
  const [register, setRegister] = useState<Register>({ kind: 'checking' });
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ readonly query: string; readonly total: number; readonly rows: readonly PickedCreditor[] } | null>(null);
  const search = useRef<CreditorSearch | null>(null);

  useEffect(() => {
    let live = true;
    setRegister({ kind: 'checking' });
    setFound(null);
    // A case without a register needs no worker.
    void repos.creditors.summary(props.caseId).then((summary) => {
      if (!live) return;
      if (!summary || summary.count === 0) {
        setRegister({ kind: 'none' });
        return;
      }
      setRegister({ kind: 'loading', read: 0, total: summary.count });
      search.current = openCreditorSearch(props.caseId, {
        onProgress: (read, total) => live && setRegister({ kind: 'loading', read, total }),
        onReady: () => live && setRegister({ kind: 'ready' }),
        onFailed: (message) => live && setRegister({ kind: 'failed', message }),
      });
    });
    return () => {
      live = false;
      search.current?.close();
      search.current = null;
    };
  }, [props.caseId, repos]);

  const takenKey = [...props.taken].sort().join('\n');
  const ready = register.kind === 'ready';
  useEffect(() => {
    const q = query.trim();
    if (!ready || [...q].length < PICK_MIN_CHARS || !search.current) return;
    let live = true;
    // Only the answer to the latest query is shown.
    void search.current.search(q, takenKey ? takenKey.split('\n') : [], CREDITOR_MATCH_LIMIT).then((r) => live && setFound({ query: q, ...r }));
    return () => {
      live = false;
    };
  }, [ready, query, takenKey]);

  if (register.kind === 'checking') return <span className="muted">{t('form.creditorLoading')}</span>;
  if (register.kind === 'none') return <span className="muted">{t('form.noRegister')}</span>;
  if (register.kind === 'failed')
    return (
      <Callout compact intent="danger">
        {register.message}
      </Callout>
    );
  const typed = query.trim();
  const current = found !== null && found.query === typed ? found : null;
  return (
    <div className="creditor-picker">
      <InputGroup leftIcon="search" aria-label={t('form.pickCreditor')} placeholder={t('form.creditorSearch')} value={query} onValueChange={setQuery} />
      {register.kind === 'loading' && (
        <div className="creditor-picker-loading" data-testid="creditor-loading">
          <span className="muted">{t('form.creditorReading', { read: register.read, total: register.total })}</span>
          <ProgressBar value={register.total ? register.read / register.total : undefined} intent="primary" />
        </div>
      )}
      {[...typed].length >= PICK_MIN_CHARS && ready && (
        <Menu className="creditor-picker-results" data-testid="creditor-matches">
          {current === null && <MenuItem disabled text={t('form.creditorSearching')} />}
          {current !== null && current.total === 0 && <MenuItem disabled text={t('form.creditorNone')} />}
          {current?.rows.map((c) => (
            <MenuItem
              key={c.cid}
              text={c.name}
              label={c.idMasked}
              onClick={() => {
                props.onPick(c);
                setQuery('');
              }}
            />
          ))}
          {current !== null && current.total > current.rows.length && <MenuItem disabled text={t('form.creditorMore', { total: current.total, count: current.rows.length })} />}
        </Menu>
      )}
      {query.trim().length > 0 && <Button minimal small icon="cross" aria-label={t('translation:common.cancel')} onClick={() => setQuery('')} />}
    </div>
  );
}
