import { Button, Callout, HTMLSelect, InputGroup, NonIdealState, Tag } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { buildClueIndex, CLUE_CHANNELS, CLUE_STATUSES, type Clue, type ClueQuery, EMPTY_CLUE_QUERY, queryClueIndex, SUBJECT_KIND_LABELS, WARNING_LEVELS } from '../../../core/clues';
import { useApp } from '../../app/app-context';
import { VirtualTable } from '../../components/VirtualTable';
import { LOAD_FAILED } from './labels';

const CLUE_COLUMNS = '140px 96px 110px 52px minmax(160px, 1fr) minmax(160px, 1.4fr) 80px 110px';

export function levelIntent(level: string): 'danger' | 'warning' | 'none' {
  return level === '高' ? 'danger' : level === '中' ? 'warning' : 'none';
}

export function ClueListView({ open, onNew }: { readonly open: (id: string) => void; readonly onNew: () => void }) {
  const { repos, can } = useApp();
  const [clues, setClues] = useState<Clue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState<ClueQuery>(EMPTY_CLUE_QUERY);
  useEffect(() => {
    repos.clues.list().then(setClues, (e: unknown) => setError(String(e)));
  }, [repos]);
  // The index is built once per load, so a keystroke is one scan of one string over 50,000 clues.
  const index = useMemo(() => buildClueIndex(clues ?? []), [clues]);
  const rows = useMemo(() => queryClueIndex(index, query), [index, query]);
  const set = (patch: Partial<ClueQuery>) => setQuery((q) => ({ ...q, ...patch }));

  if (error) return <Callout intent="danger">{LOAD_FAILED + error}</Callout>;
  return (
    <div>
      <ClueAlerts />
      <div className="filter-bar">
        <InputGroup leftIcon="search" placeholder="按编号、主体、信用代码、网址或反映内容搜索" aria-label="搜索线索" value={query.text} onValueChange={(text) => set({ text })} className="filter-search" />
        <HTMLSelect aria-label="来源渠道" value={query.channel ?? ''} onChange={(e) => set({ channel: (e.currentTarget.value || null) as ClueQuery['channel'] })}>
          <option value="">来源渠道：全部</option>
          {CLUE_CHANNELS.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label="预警等级" value={query.level ?? ''} onChange={(e) => set({ level: (e.currentTarget.value || null) as ClueQuery['level'] })}>
          <option value="">预警等级：全部</option>
          {WARNING_LEVELS.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label="办理状态" value={query.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || null) as ClueQuery['status'] })}>
          <option value="">状态：全部</option>
          <option value="open">未办结</option>
          {CLUE_STATUSES.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </HTMLSelect>
        <span className="muted">{clues ? `共 ${rows.length} 条` : '读取中…'}</span>
        <Button intent="primary" icon="add" text="登记线索" onClick={onNew} disabled={!can('clues.write')} title={can('clues.write') ? undefined : '须由经办人登记线索'} />
      </div>
      {clues && clues.length === 0 ? (
        <NonIdealState icon="eye-open" title="还没有线索" description="点击“登记线索”登记第一条举报或预警。" />
      ) : (
        <VirtualTable
          testId="clue-table"
          headers={['线索编号', '收到日期', '来源渠道', '等级', '线索主体', '反映内容', '状态', '承办人']}
          columns={CLUE_COLUMNS}
          minWidth={980}
          rows={rows}
          rowKey={(c) => c.id}
          onOpen={(c) => open(c.id)}
          cells={(c) => (
            <>
              <td className="cell">{c.clueNo}</td>
              <td className="cell">{c.receivedOn}</td>
              <td className="cell">{c.channel}</td>
              <td className="cell"><Tag minimal intent={levelIntent(c.level)}>{c.level}</Tag></td>
              <td className="cell" title={c.subject.name}>{c.subject.name}<span className="muted">（{SUBJECT_KIND_LABELS[c.subject.kind]}）</span>{c.firstClueId && <Tag minimal className="inline-tag">重复举报</Tag>}</td>
              <td className="cell" title={c.allegation}>{c.allegation}</td>
              <td className="cell">{c.status}</td>
              <td className="cell">{c.assignee ?? ''}</td>
            </>
          )}
        />
      )}
    </div>
  );
}

/** Clues past (or near) their verification due date: the home screen and the clue list show it. */
export function ClueAlerts() {
  const { repos } = useApp();
  const [items, setItems] = useState<Awaited<ReturnType<typeof repos.clues.overdue>> | null>(null);
  useEffect(() => {
    repos.clues.overdue().then(setItems, () => setItems([]));
  }, [repos]);
  if (!items || items.length === 0) return null;
  const overdue = items.filter((i) => i.deadline.state === 'overdue').length;
  return (
    <Callout intent={overdue > 0 ? 'danger' : 'warning'} className="clue-alerts" data-testid="clue-alerts" icon="time">
      <h3>线索核查时限</h3>
      <Tag intent={overdue > 0 ? 'danger' : 'none'}>超期 {overdue}</Tag> <Tag intent="warning" minimal>即将到期 {items.length - overdue}</Tag>
      <ul>
        {items.slice(0, 8).map(({ clue, deadline }) => (
          <li key={clue.id}>
            <a href={`#/clues/${encodeURIComponent(clue.id)}`}>{clue.clueNo}</a> {clue.subject.name}（{clue.level}）：核查期限 {deadline.dueOn}
            {deadline.state === 'overdue' ? `，已超期 ${deadline.days} 天` : `，还剩 ${deadline.days} 天`}
          </li>
        ))}
      </ul>
      {items.length > 8 && <p className="muted">另有 {items.length - 8} 条，请在线索台账中按状态查看。</p>}
    </Callout>
  );
}
