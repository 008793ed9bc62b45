import { Button, Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { createKeywordMatcher, latestRecordByFirm } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { EvaluateDialog, RecordDialog, RiskEntryDialog, RiskReviewDialog } from './ActionDialogs';
import { printCommitmentLetters } from './commitment-print';
import { DispositionDialog } from './DispositionDialog';
import { DispositionTable } from './DispositionTable';
import { FirmDocumentEditor, FirmDocumentsSection, type FirmEditorRoute, IssueDocumentMenu, useFirmDocuments } from './FirmDocuments';
import { FirmFormDialog } from './FirmFormDialog';
import { Highlighted } from './Highlighted';

type Open = 'edit' | 'record' | 'disposition' | 'risk' | 'evaluate' | 'review' | 'remove' | null;

/**
 * One firm: its facts with the keywords marked, its screening records, documents, dispositions and
 * risk-ledger entry. `sub` is the rest of the address: ['document', templateId] or ['draft', id]
 * opens the document form for the firm.
 */
export function FirmDetail(props: {
  readonly firmId: string;
  readonly sub: readonly string[];
  readonly data: ScreeningData;
  readonly keywords: readonly string[];
  readonly onChanged: () => void;
  readonly navigate: (r: Route) => void;
}) {
  const { can, repos, bridge, settings } = useApp();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [openDoc, setOpenDoc] = useState<string | null>(null);
  const matcher = useMemo(() => createKeywordMatcher(props.keywords), [props.keywords]);
  const documents = useFirmDocuments(props.firmId);
  const firm = props.data.firms.find((f) => f.id === props.firmId);
  const latest = useMemo(() => latestRecordByFirm(props.data.records.filter((r) => r.firmId === props.firmId)).get(props.firmId), [props.data.records, props.firmId]);
  if (!firm) return <Callout intent="warning">该企业已不在台账中（可能已被恢复的备份替换）。请返回台账。</Callout>;
  const toFirm = () => props.navigate({ area: 'screening', rest: ['firm', firm.id] });
  const [subKind, subId] = props.sub;
  const editorRoute: FirmEditorRoute | null = subKind === 'document' && subId ? { kind: 'new', templateId: subId } : subKind === 'draft' && subId ? { kind: 'draft', documentId: subId } : null;
  if (editorRoute) {
    return (
      <div data-testid="firm-detail">
        <header className="page-header">
          <Button minimal icon="arrow-left" text={firm.name} onClick={toFirm} />
        </header>
        <FirmDocumentEditor
          firm={firm}
          latest={latest}
          route={editorRoute}
          docs={documents.docs}
          templates={documents.templates}
          loaded={documents.loaded}
          onDone={(documentId, message) => {
            setNotice(message);
            setOpenDoc(documentId);
            void documents.reload();
            toFirm();
          }}
          onCancel={toFirm}
        />
      </div>
    );
  }
  const records = props.data.records.filter((r) => r.firmId === firm.id).sort((a, b) => b.date.localeCompare(a.date));
  const dispositions = props.data.dispositions.filter((d) => d.firmId === firm.id);
  const risk = props.data.risk.filter((e) => e.firmId === firm.id);
  const active = risk.find((e) => e.removed === null);
  const roundName = new Map(props.data.rounds.map((r) => [r.id, r.name]));
  const write = can('screening.write');
  const done = () => {
    setOpen(null);
    props.onChanged();
  };
  const facts: Array<[string, React.ReactNode]> = [
    ['统一社会信用代码', firm.codeStatus === '待补充' ? <Tag key="code" intent="warning">待补充：请查询营业执照补录</Tag> : firm.creditCode],
    ['法定代表人', firm.legalRep],
    ['住所', firm.address],
    ['所属区县', firm.district],
    ['行业', firm.sector],
    ['成立日期', firm.registeredOn],
    ['责任部门', firm.department ? `${firm.department}（${firm.departmentKind}）` : ''],
    ['联系人及电话', firm.contacts],
    ['经营范围', <Highlighted key="scope" text={firm.businessScope} matcher={matcher} />],
    [
      '涉金融关键字样',
      firm.keywordHits.length === 0 ? '未命中' : `${firm.keywordHits.join('、')}${firm.evaluation?.state === '待评估' ? '（待评估）' : firm.evaluation?.state === '已评估' ? `（已评估：${firm.evaluation.result}，${firm.evaluation.by} ${firm.evaluation.on}）` : ''}`,
    ],
  ];
  return (
    <div data-testid="firm-detail">
      <header className="page-header">
        <Button minimal icon="arrow-left" text="台账" onClick={() => props.navigate({ area: 'screening', rest: [] })} />
        <h2>
          <Highlighted text={firm.name} matcher={matcher} />
        </h2>
        {active && <Tag intent="danger">风险台账</Tag>}
      </header>
      <div className="screening-toolbar">
        <Button icon="edit" text="修改" disabled={!write} onClick={() => setOpen('edit')} />
        <Button icon="clipboard" intent="primary" text="登记排查记录" disabled={!write} onClick={() => setOpen('record')} />
        <Button icon="take-action" text="处置" disabled={!write} onClick={() => setOpen('disposition')} />
        <IssueDocumentMenu firmId={firm.id} templates={documents.templates} disabled={!can('documents.draft')} navigate={props.navigate} />
        {!active && <Button icon="warning-sign" text="纳入风险台账" disabled={!write} onClick={() => setOpen('risk')} />}
        {firm.evaluation?.state === '待评估' && <Button icon="search-text" intent="warning" text="记录研判结果" disabled={!write} onClick={() => setOpen('evaluate')} />}
        <Button icon="print" text="打印承诺书" onClick={() => void printCommitmentLetters([firm], settings.officeName, bridge, '', settings.documentFontPreset)} />
      </div>
      {notice && (
        <Callout intent="success" data-testid="documents-notice">
          {notice}
        </Callout>
      )}
      <dl className="screening-facts">
        {facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section className="screening-section">
        <h3>排查记录（{records.length}）</h3>
        {records.length === 0 ? (
          <p className="muted">尚未排查。</p>
        ) : (
          <HTMLTable compact striped className="full-width" data-testid="firm-records">
            <thead>
              <tr>
                <th>日期</th>
                <th>轮次</th>
                <th>方式</th>
                <th>排查人员</th>
                <th>分类</th>
                <th>风险</th>
                <th>承诺书</th>
                <th>排查情况</th>
                <th>下一步</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{r.date}</td>
                  <td>{roundName.get(r.roundId) ?? '（轮次已不存在）'}</td>
                  <td>{r.method}</td>
                  <td>{r.inspectors.join('、')}</td>
                  <td>{r.classification}</td>
                  <td>{r.riskLevel}</td>
                  <td>
                    {r.commitmentSigned ? '已签' : '未签'}
                    {r.commitmentScanId && (
                      <Button
                        small
                        minimal
                        icon="document-open"
                        title={r.commitmentScanName}
                        onClick={() =>
                          void repos.screening.getScan(r.commitmentScanId ?? '').then((s) => {
                            if (s) void bridge.saveFile({ suggestedName: s.fileName, filters: [{ name: '扫描件', extensions: [s.fileName.split('.').pop() ?? 'pdf'] }], bytes: s.bytes });
                          })
                        }
                      />
                    )}
                  </td>
                  <td>{r.findings}</td>
                  <td>{r.nextAction}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        )}
      </section>
      <section className="screening-section">
        <h3>处置（{dispositions.length}）</h3>
        {dispositions.length === 0 ? <p className="muted">无。</p> : <DispositionTable rows={dispositions} navigate={props.navigate} testId="firm-dispositions" />}
      </section>
      <FirmDocumentsSection firmId={firm.id} docs={documents.docs} open={openDoc} setOpen={setOpenDoc} onChanged={documents.reload} navigate={props.navigate} />
      <section className="screening-section">
        <h3>风险动态管理</h3>
        {risk.length === 0 && <p className="muted">未纳入风险台账。</p>}
        {risk.map((e) => (
          <p key={e.id}>
            自 {e.since} 起，原因：{e.reason}；跟踪责任人 {e.follower}；
            {e.removed ? `已于 ${e.removed.on} 移出（${e.removed.reason}，${e.removed.by}）` : `下次复核 ${e.nextReview}`}{' '}
            {!e.removed && (
              <>
                <Button small text="登记复核" disabled={!write} onClick={() => setOpen('review')} />{' '}
                <Button small text="移出台账" disabled={!write} onClick={() => setOpen('remove')} />
              </>
            )}
          </p>
        ))}
      </section>
      {open === 'edit' && <FirmFormDialog firm={firm} onClose={() => setOpen(null)} onSaved={done} />}
      {open === 'record' && <RecordDialog firm={firm} rounds={props.data.rounds} roundId={null} onClose={() => setOpen(null)} onSaved={done} />}
      {open === 'disposition' && <DispositionDialog firm={firm} docs={documents.docs} onClose={() => setOpen(null)} onSaved={done} />}
      {open === 'risk' && <RiskEntryDialog firm={firm} onClose={() => setOpen(null)} onSaved={done} />}
      {open === 'evaluate' && <EvaluateDialog firm={firm} onClose={() => setOpen(null)} onSaved={done} />}
      {(open === 'review' || open === 'remove') && active && <RiskReviewDialog entry={active} firmName={firm.name} mode={open} onClose={() => setOpen(null)} onSaved={done} />}
    </div>
  );
}
