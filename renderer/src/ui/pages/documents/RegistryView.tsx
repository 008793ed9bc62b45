import { HTMLSelect, HTMLTable, NonIdealState, Tab, Tabs, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screenDate } from '../../../core/common/iso-date';
import { DOCUMENT_TYPES } from '../../../core/settings/app-settings';
import type { DocumentRow } from '../../../db/records';
import { DOCUMENT_STATUSES } from '../../../db/repositories/document-types';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { FieldRow } from '../../components/FieldRow';
import { DocumentDetailDialog } from './DocumentDetailDialog';
import { statusIntent } from './document-status';
import { TemplatesPanel } from './TemplatesPanel';

/** The registry of every document (filter by case, type, status, year) and the templates. */
export function RegistryView(props: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('documents');
  const [tab, setTab] = useState<'registry' | 'templates'>('registry');
  return (
    <div className="documents-page">
      <h2 className="bp6-heading">{t('title')}</h2>
      <Tabs id="documents-tabs" selectedTabId={tab} onChange={(id) => setTab(id as 'registry' | 'templates')}>
        <Tab id="registry" title={t('tabRegistry')} panel={<Registry navigate={props.navigate} />} />
        <Tab id="templates" title={t('tabTemplates')} panel={<TemplatesPanel />} />
      </Tabs>
    </div>
  );
}

function Registry(props: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('documents');
  const { repos } = useApp();
  const [rows, setRows] = useState<DocumentRow[]>([]);
  const [cases, setCases] = useState<{ id: string; title: string }[]>([]);
  const [caseId, setCaseId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [status, setStatus] = useState('');
  const [year, setYear] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [docs, list] = await Promise.all([repos.documents.list(), repos.cases.listWithPartyNames()]);
    setRows(docs);
    setCases(list.map((c) => ({ id: c.caseFile.id, title: c.caseFile.title })));
  }, [repos]);
  useEffect(() => {
    void load();
  }, [load]);

  const caseTitle = useMemo(() => new Map(cases.map((c) => [c.id, c.title])), [cases]);
  const years = useMemo(() => [...new Set(rows.map(yearOfRow))].sort((a, b) => b - a), [rows]);
  const shown = rows.filter(
    (r) =>
      (!caseId || r.caseId === caseId) &&
      (!typeId || r.body.typeId === typeId) &&
      (!status || r.status === status) &&
      (!year || yearOfRow(r) === Number(year)),
  );

  return (
    <>
      <div className="documents-filters">
        <FieldRow label={t('filterCase')} labelFor="doc-filter-case">
          <HTMLSelect id="doc-filter-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="">{t('allCases')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('filterType')} labelFor="doc-filter-type">
          <HTMLSelect id="doc-filter-type" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            <option value="">{t('allTypes')}</option>
            {DOCUMENT_TYPES.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('filterStatus')} labelFor="doc-filter-status">
          <HTMLSelect id="doc-filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('allStatuses')}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('filterYear')} labelFor="doc-filter-year">
          <HTMLSelect id="doc-filter-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
      </div>
      {shown.length === 0 ? (
        <NonIdealState icon="document" title={t('noDocuments')} description={t('noDocumentsHint')} />
      ) : (
        <DocumentTable rows={shown} caseTitle={caseTitle} onOpen={setOpen} />
      )}
      {open && (
        <DocumentDetailDialog
          documentId={open}
          onClose={() => setOpen(null)}
          onChanged={load}
          onEditDraft={(doc) =>
            doc.caseId
              ? props.navigate({ area: 'documents', rest: [doc.caseId, 'draft', doc.id] })
              : doc.body.firmId
                ? props.navigate({ area: 'screening', rest: ['firm', doc.body.firmId, 'draft', doc.id] })
                : props.navigate({ area: 'documents', rest: ['draft', doc.id] })
          }
        />
      )}
    </>
  );
}

export function yearOfRow(r: DocumentRow): number {
  return r.body.year ?? Number((r.issuedDate ?? r.body.createdAt).slice(0, 4));
}

export function DocumentTable(props: {
  readonly rows: readonly DocumentRow[];
  readonly caseTitle?: ReadonlyMap<string, string>;
  readonly onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('documents');
  return (
    <HTMLTable compact striped interactive className="documents-table" data-testid="documents-table">
      <thead>
        <tr>
          <th>{t('colNumber')}</th>
          <th>{t('colType')}</th>
          <th>{t('colSummary')}</th>
          {props.caseTitle && <th>{t('colCase')}</th>}
          <th>{t('colDate')}</th>
          <th>{t('colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id} className={r.status === '作废' ? 'documents-voided' : undefined} onClick={() => props.onOpen(r.id)}>
            <td>
              <a href={`#doc-${r.id}`} onClick={(e) => e.preventDefault()}>
                {r.number ?? '（草稿，未编号）'}
              </a>
            </td>
            <td>{r.body.template.name}</td>
            <td>{r.body.summary}</td>
            {props.caseTitle && <td>{r.caseId ? (props.caseTitle.get(r.caseId) ?? '') : r.body.source ? t('source', { label: r.body.source.label }) : ''}</td>}
            <td>{r.issuedDate ? screenDate(r.issuedDate) : ''}</td>
            <td className="documents-status">
              <Tag minimal intent={statusIntent(r.status)}>
                {r.status}
              </Tag>
            </td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
