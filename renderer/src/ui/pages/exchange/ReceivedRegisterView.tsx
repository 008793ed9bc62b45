import { Button, Callout, ControlGroup, HTMLTable, InputGroup, NonIdealState, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterHit } from '../../../core/exchange';
import { maskIdNumber, maskPhone } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import type { ReceivedRegister } from '../../../db/exchange/received-registers';
import { useApp } from '../../app/app-context';
import './messages';

const PAGE = 50;

/** Where a search page starts, so 上一页 goes back without searching from the start again. */
interface SearchState {
  readonly query: string;
  readonly starts: readonly number[];
  readonly next: number | null;
}

/**
 * A creditor register a district sent, read-only at the city: its account, then its creditors a page
 * of 50 at a time, read from the stored rows (never the whole register), searchable as received.
 */
export function ReceivedRegisterView(props: { readonly office: string; readonly caseId: string; readonly onBack: () => void }) {
  const { t } = useTranslation('exchange');
  const { repos, can } = useApp();
  const { office, caseId } = props;
  const [register, setRegister] = useState<ReceivedRegister | null | undefined>(undefined);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<readonly RegisterHit[]>([]);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState<SearchState | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    void repos.exchange.readReceivedRegister(office, caseId).then(setRegister);
  }, [repos, office, caseId]);

  useEffect(() => {
    if (search !== null || !register) return;
    setBusy(true);
    void repos.exchange
      .registerPage(office, caseId, page * PAGE, PAGE)
      .then(setRows)
      .finally(() => setBusy(false));
  }, [repos, office, caseId, page, search, register]);

  const runSearch = useCallback(
    async (query: string, starts: readonly number[]) => {
      setBusy(true);
      try {
        const found = await repos.exchange.searchRegister(office, caseId, query, starts.at(-1) ?? 0, PAGE);
        setRows(found.hits);
        setSearch({ query, starts, next: found.next });
      } finally {
        setBusy(false);
      }
    },
    [repos, office, caseId],
  );

  if (register === undefined) return null;
  if (register === null) {
    return (
      <div data-testid="received-register">
        <Button icon="arrow-left" minimal text={t('register.back')} onClick={props.onBack} />
        <NonIdealState icon="people" description={t('register.missing')} />
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(register.count / PAGE));
  const choice = register.personalData;
  const hideFull = choice?.included === true;
  const submit = () => {
    const query = typed.trim();
    if (query === '') {
      setSearch(null);
      setPage(0);
    } else void runSearch(query, [0]);
  };

  return (
    <div className="exchange-register" data-testid="received-register">
      <Button icon="arrow-left" minimal text={t('register.back')} onClick={props.onBack} />
      <h3>
        {t('register.title')}{' '}
        <Tag minimal intent="primary">
          {register.officeName}
        </Tag>{' '}
        <Tag minimal icon="lock">
          {t('records.readOnly')}
        </Tag>
      </h3>
      <p className="muted">{t('register.intro')}</p>
      <HTMLTable compact className="exchange-register-summary" data-testid="register-summary">
        <tbody>
          <tr>
            <th>{t('register.case')}</th>
            <td>{register.caseLabel || register.caseId}</td>
            <th>{t('register.period')}</th>
            <td>{register.periodLabel}</td>
          </tr>
          <tr>
            <th>{t('register.count')}</th>
            <td data-testid="register-count">{register.count.toLocaleString('zh-CN')}</td>
            <th>{t('register.principal')}</th>
            <td>{formatFen(register.principalFen)}</td>
          </tr>
          <tr>
            <th>{t('register.returned')}</th>
            <td>{formatFen(register.returnedFen)}</td>
            <th>{t('register.net')}</th>
            <td data-testid="register-net">{formatFen(register.netClaimFen)}</td>
          </tr>
        </tbody>
      </HTMLTable>
      <Callout intent={hideFull ? 'warning' : 'primary'} icon={hideFull ? 'eye-open' : 'eye-off'} data-testid="register-masking">
        {choice === null ? t('register.unknownChoice') : choice.included ? t('register.included', { reason: choice.reason, by: choice.by }) : t('register.masked')}
      </Callout>
      <ControlGroup className="exchange-register-search">
        <InputGroup
          fill
          aria-label={t('register.search')}
          placeholder={t('register.search')}
          leftIcon="search"
          value={typed}
          onValueChange={setTyped}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
        />
        <Button text={t('register.searchButton')} onClick={submit} />
        {search && (
          <Button
            text={t('register.clear')}
            onClick={() => {
              setTyped('');
              setSearch(null);
              setPage(0);
            }}
          />
        )}
      </ControlGroup>
      <p className="muted" data-testid="register-page">
        {busy
          ? t('register.searching')
          : search
            ? search.starts.length === 1 && rows.length === 0
              ? t('register.noHits', { query: search.query })
              : `${t('register.hitsPage', { query: search.query, page: search.starts.length, count: rows.length })}${search.next === null ? `；${t('register.hitsEnd')}` : ''}`
            : t('register.page', { page: page + 1, pages, count: register.count.toLocaleString('zh-CN') })}
      </p>
      <HTMLTable compact striped className="exchange-register-table" data-testid="register-table">
        <thead>
          <tr>
            <th>{t('register.n')}</th>
            <th>{t('register.cid')}</th>
            <th>{t('register.name')}</th>
            <th>{t('register.idType')}</th>
            <th>{t('register.idNumber')}</th>
            <th>{t('register.phone')}</th>
            <th className="num">{t('register.principalCol')}</th>
            <th className="num">{t('register.returnedCol')}</th>
            <th className="num">{t('register.netCol')}</th>
            <th>{t('register.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ n, creditor: c }) => {
            const open = !hideFull || revealed.has(n) || c.idType === 'org';
            return (
              <tr key={n}>
                <td>{n}</td>
                <td>{c.cid}</td>
                <td>{c.name}</td>
                <td>{t(`register.idTypes.${c.idType}`, { defaultValue: c.idType })}</td>
                <td className="mono">
                  {open ? c.idNumber : maskIdNumber(c.idNumber)}
                  {!open && (
                    <Button
                      small
                      minimal
                      icon="eye-open"
                      disabled={!can('personal.reveal')}
                      aria-label={t('register.reveal', { name: c.name })}
                      onClick={async () => {
                        await repos.exchange.recordRegisterReveal(office, caseId, { n, name: c.name });
                        setRevealed(new Set([...revealed, n]));
                      }}
                    />
                  )}
                </td>
                <td className="mono">{c.phone ? (open ? c.phone : maskPhone(c.phone)) : '—'}</td>
                <td className="num">{formatFen(c.principalFen)}</td>
                <td className="num">{formatFen(c.returnedFen)}</td>
                <td className="num">{formatFen(c.netClaimFen)}</td>
                <td>{c.status}</td>
              </tr>
            );
          })}
        </tbody>
      </HTMLTable>
      <div className="button-row">
        {search ? (
          <>
            <Button icon="chevron-left" text={t('register.prev')} disabled={busy || search.starts.length <= 1} onClick={() => void runSearch(search.query, search.starts.slice(0, -1))} />
            <Button rightIcon="chevron-right" text={t('register.next')} disabled={busy || search.next === null} onClick={() => void runSearch(search.query, [...search.starts, search.next ?? 0])} />
          </>
        ) : (
          <>
            <Button icon="chevron-left" text={t('register.prev')} disabled={busy || page === 0} onClick={() => setPage(page - 1)} />
            <Button rightIcon="chevron-right" text={t('register.next')} disabled={busy || page + 1 >= pages} onClick={() => setPage(page + 1)} />
          </>
        )}
      </div>
    </div>
  );
}
