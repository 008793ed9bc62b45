import { Button, ButtonGroup, Callout } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import type { AnchorVerdict } from '../../../core/audit/chain-anchor';
import type { AuditVerification } from '../../../db/audit-verify';
import { useApp } from '../../app/app-context';
import { AuditTable } from '../../components/AuditTable';

const PAGE_SIZE = 50;

export function AuditLogPanel() {
  const { t } = useTranslation();
  const { repos } = useApp();
  const [page, setPage] = useState(0);
  const [total, setTotal] = useState(0);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verdict, setVerdict] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  // A log cut short or cleared is said at once, not only after 校验 (an empty table reads as "no entries yet").
  const [anchor, setAnchor] = useState<AnchorVerdict | null>(null);

  const load = useCallback(async () => {
    setTotal(await repos.audit.count());
    setEntries(await repos.audit.page(page * PAGE_SIZE, PAGE_SIZE));
    setAnchor(await repos.audit.checkAnchor().catch(() => null));
  }, [page, repos]);
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await repos.audit.verify());
    } finally {
      setVerifying(false);
    }
  };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div>
      <div className="button-row">
        <Button icon="endorsed" intent="primary" text={t('audit.verify')} loading={verifying} onClick={() => void verify()} />
        <span className="muted">{t('audit.total', { count: total })}</span>
        <ButtonGroup>
          <Button icon="chevron-left" disabled={page === 0} onClick={() => setPage(page - 1)} aria-label="上一页" />
          <Button disabled text={`${page + 1} / ${pages}`} />
          <Button icon="chevron-right" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} aria-label="下一页" />
        </ButtonGroup>
      </div>
      {!verdict && anchor && 'anchor' in anchor && (
        <Callout intent="danger" data-testid="audit-anchor-problem">
          {anchor.message}
        </Callout>
      )}
      {verdict && <VerdictCallout verdict={verdict} />}
      <AuditTable entries={entries} highlightSeq={verdict && !verdict.chain.ok ? verdict.chain.brokenAtSeq : undefined} onAudited={() => void load()} />
    </div>
  );
}

/** What the verify found: the chain, its anchor outside the database, and records edited outside the app. */
function VerdictCallout({ verdict }: { verdict: AuditVerification }) {
  const { t } = useTranslation();
  if (verdict.ok) {
    return (
      <Callout intent="success" data-testid="audit-verdict">
        {t('audit.verifyOk', { count: verdict.chain.count })}
        {t('audit.verifyOkMore', { records: verdict.checkedRecords.toLocaleString('zh-CN'), creditors: verdict.checkedCreditors.toLocaleString('zh-CN') })}
      </Callout>
    );
  }
  const onlyMissingAnchor = verdict.problems.length === 1 && verdict.anchor?.status === 'missing';
  return (
    <Callout intent={onlyMissingAnchor ? 'warning' : 'danger'} title={t('audit.verifyProblems', { count: verdict.problems.length })} data-testid="audit-verdict">
      <ul>
        {verdict.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {!onlyMissingAnchor && <p>{t('audit.verifyHint')}</p>}
    </Callout>
  );
}
