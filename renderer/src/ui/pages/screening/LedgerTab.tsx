import { Button, HTMLSelect, InputGroup, Tag } from '@blueprintjs/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { type Firm, latestRecordByFirm, type ScreeningRecord } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import { FirmFormDialog } from './FirmFormDialog';
import { ImportDialog } from './ImportDialog';
import { buildLedgerIndex, searchLedger } from './ledger-query';

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 32;

type Filter = '' | 'pending-code' | 'evaluate' | 'keyword' | 'unscreened';

/** The ledger of firms (排查对象台账): search, filters, a virtualized table that scrolls like the creditor register. */
export function LedgerTab(props: { readonly data: ScreeningData; readonly onChanged: () => void; readonly openFirm: (id: string) => void }) {
  const { can } = useApp();
  const { data } = props;
  const [text, setText] = useState('');
  const [district, setDistrict] = useState('');
  const [filter, setFilter] = useState<Filter>('');
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const latest = useMemo(() => latestRecordByFirm(data.records), [data.records]);
  const districts = useMemo(() => [...new Set(data.firms.map((f) => f.district).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh')), [data.firms]);
  // The keys are joined once per load; typing searches them without holding up the input.
  const index = useMemo(() => buildLedgerIndex(data.firms), [data.firms]);
  const query = useDeferredValue(text);
  const view = useMemo(() => {
    const started = performance.now();
    const indices = searchLedger(data.firms, index, query, (f) => {
      if (district && f.district !== district) return false;
      if (filter === 'pending-code') return f.codeStatus === '待补充';
      if (filter === 'evaluate') return f.evaluation?.state === '待评估';
      if (filter === 'keyword') return f.keywordHits.length > 0;
      if (filter === 'unscreened') return !latest.has(f.id);
      return true;
    });
    return { indices, ms: performance.now() - started };
  }, [data.firms, index, query, district, filter, latest]);
  const { pendingCodes, toEvaluate } = useMemo(
    () => ({ pendingCodes: data.firms.filter((f) => f.codeStatus === '待补充').length, toEvaluate: data.firms.filter((f) => f.evaluation?.state === '待评估').length }),
    [data.firms],
  );

  return (
    <div>
      <div className="screening-toolbar">
        <InputGroup leftIcon="search" placeholder="按名称、信用代码、法定代表人、责任部门或住所搜索" value={text} onValueChange={setText} aria-label="搜索排查对象" />
        <HTMLSelect aria-label="区县" value={district} onChange={(e) => setDistrict(e.currentTarget.value)}>
          <option value="">区县：全部</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </HTMLSelect>
        <HTMLSelect aria-label="筛选" value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
          <option value="">全部企业</option>
          <option value="pending-code">信用代码待补充（{pendingCodes}）</option>
          <option value="evaluate">关键字样待评估（{toEvaluate}）</option>
          <option value="keyword">含涉金融关键字样</option>
          <option value="unscreened">从未排查</option>
        </HTMLSelect>
        <span className="muted" data-testid="firm-count">
          共 {data.firms.length} 家{view.indices.length !== data.firms.length ? `，显示 ${view.indices.length} 家` : ''}
        </span>
        <span className="muted" data-testid="search-ms" data-ms={view.ms.toFixed(1)}>
          （检索 {view.ms.toFixed(1)} 毫秒）
        </span>
        <span style={{ flex: 1 }} />
        <Button icon="add" intent="primary" text="新增排查对象" disabled={!can('screening.write')} onClick={() => setDialog('new')} />
        <Button icon="import" text="导入名单" disabled={!can('screening.write')} onClick={() => setDialog('import')} />
      </div>
      {data.firms.length === 0 ? (
        <p className="muted">台账中还没有企业。点击“新增排查对象”逐家登记，或“导入名单”导入市场监管部门导出的名单。</p>
      ) : (
        <FirmTable firms={data.firms} indices={view.indices} latest={latest} onOpen={props.openFirm} />
      )}
      {dialog === 'new' && (
        <FirmFormDialog
          firm={null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            props.onChanged();
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          onClose={() => setDialog(null)}
          onImported={() => {
            setDialog(null);
            props.onChanged();
          }}
        />
      )}
    </div>
  );
}

function FirmTable(props: { readonly firms: readonly Firm[]; readonly indices: Int32Array; readonly latest: ReadonlyMap<string, ScreeningRecord>; readonly onOpen: (id: string) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.indices.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
  });
  return (
    <div className="screening-scroll" ref={scrollRef} data-testid="firm-table">
      <table className="screening-grid" aria-rowcount={props.indices.length + 1}>
        <thead>
          <tr className="firm-row firm-head">
            {['企业名称', '统一社会信用代码', '区县', '责任部门', '涉金融关键字样', '最近分类', '风险'].map((h) => (
              <th key={h} className="cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="screening-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const f = props.firms[props.indices[item.index] as number] as Firm;
            const last = props.latest.get(f.id);
            return (
              <tr
                key={f.id}
                aria-rowindex={item.index + 2}
                className={`firm-row${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}
                onClick={() => props.onOpen(f.id)}
                data-firm={f.name}
              >
                <td className="cell" title={f.name}>
                  <a href={`#/screening/firm/${encodeURIComponent(f.id)}`}>{f.name}</a>
                </td>
                <td className="cell mono">
                  {f.codeStatus === '待补充' ? (
                    <Tag minimal intent="warning">
                      待补充
                    </Tag>
                  ) : (
                    f.creditCode
                  )}
                </td>
                <td className="cell">{f.district}</td>
                <td className="cell" title={f.department}>
                  {f.department}
                </td>
                <td className="cell" title={f.keywordHits.join('、')}>
                  {f.keywordHits.length > 0 && (
                    <Tag minimal intent={f.evaluation?.state === '待评估' ? 'danger' : 'none'}>
                      {f.keywordHits.join('、')}
                      {f.evaluation?.state === '待评估' ? '（待评估）' : ''}
                    </Tag>
                  )}
                </td>
                <td className="cell">{last?.classification ?? <span className="muted">未排查</span>}</td>
                <td className="cell">{last && <Tag minimal intent={last.riskLevel === '高' ? 'danger' : last.riskLevel === '中' ? 'warning' : 'none'}>{last.riskLevel}</Tag>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
