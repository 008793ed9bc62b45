import { Button, Checkbox, InputGroup, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Advert, buildLedgerLookup, type LedgerFirm, ledgerFirmFor } from '../../../core/clues';
import type { AdvertActionRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import { VirtualTable } from '../../components/VirtualTable';
import { AdvertActionDialog, type AdvertActionTarget } from './AdvertActionDialog';
import { AdvertEntryCard } from './AdvertEntryCard';
import { AdvertImportCard } from './AdvertImportCard';

const ADVERT_COLUMNS = '96px 100px minmax(150px, 1fr) minmax(200px, 1.6fr) 110px 150px minmax(120px, 0.8fr) 170px';

/** 广告监测: import a monitoring export or enter by hand; the whole ledger, searchable; actions per advert or advertiser. */
export function AdvertsView() {
  const { repos, can } = useApp();
  const [adverts, setAdverts] = useState<Advert[] | null>(null);
  const [actions, setActions] = useState<AdvertActionRow[]>([]);
  const [ledger, setLedger] = useState<LedgerFirm[]>([]);
  const [text, setText] = useState('');
  const [onlyLedger, setOnlyLedger] = useState(false);
  const [target, setTarget] = useState<AdvertActionTarget | null>(null);
  const load = useCallback(async () => {
    const [a, b, f] = await Promise.all([repos.monitoring.adverts(), repos.monitoring.actions(), repos.monitoring.ledgerFirms()]);
    setAdverts(a);
    setActions(b);
    setLedger(f);
  }, [repos]);
  useEffect(() => {
    void load();
  }, [load]);
  const actionsByKey = useMemo(() => {
    const m = new Map<string, AdvertActionRow[]>();
    for (const a of actions) for (const k of [a.targetId, a.advertiserKey]) m.set(k, [...(m.get(k) ?? []), a]);
    return m;
  }, [actions]);
  // Built once per load: the ledger firm of each advertiser and each advert's lower-case search text.
  const lookup = useMemo(() => buildLedgerLookup(ledger), [ledger]);
  const firmOf = useMemo(() => {
    const m = new Map<string, LedgerFirm | null>();
    for (const a of adverts ?? []) if (!m.has(a.advertiserKey)) m.set(a.advertiserKey, ledgerFirmFor(lookup, { name: a.advertiser, creditCode: a.advertiserCode }));
    return m;
  }, [adverts, lookup]);
  const texts = useMemo(() => (adverts ?? []).map((a) => `${a.advertiser}\u0001${a.advertiserCode ?? ''}\u0001${a.medium}\u0001${a.content}\u0001${a.link ?? ''}\u0001${a.finding}\u0001${a.date}`.toLowerCase()), [adverts]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const all = adverts ?? [];
    const out: Advert[] = [];
    for (let i = 0; i < all.length; i++) {
      const a = all[i] as Advert;
      if (onlyLedger && !firmOf.get(a.advertiserKey)) continue;
      if (needle !== '' && !(texts[i] as string).includes(needle)) continue;
      out.push(a);
    }
    return out;
  }, [adverts, texts, text, onlyLedger, firmOf]);
  const advertisers = firmOf.size;
  const inLedger = [...firmOf.values()].filter((f) => f !== null).length;
  const actedAdvertisers = (k: string) => new Set(actions.filter((a) => a.kind === k).map((a) => a.advertiserKey)).size;
  const actionTags = (a: Advert) =>
    (actionsByKey.get(a.id) ?? []).concat((actionsByKey.get(a.advertiserKey) ?? []).filter((x) => x.target === 'advertiser')).map((x) => (
      <Tag key={x.id} minimal className="inline-tag" title={`${x.date} ${x.documentNo ?? ''} ${x.note}`}>
        {x.kind}
        {x.target === 'advertiser' ? '（广告主）' : ''}
      </Tag>
    ));
  return (
    <div>
      <p data-testid="advert-summary">
        监测广告 {adverts?.length ?? '…'} 条，广告主 {advertisers} 个（其中 {inLedger} 个在排查台账中）；约谈 {actedAdvertisers('约谈')}、警告 {actedAdvertisers('警告')}、责令停止发布 {actedAdvertisers('责令停止发布')}、移送公安 {actedAdvertisers('移送公安')} 个广告主
      </p>
      <div className="clue-columns">
        <AdvertImportCard onImported={() => void load()} />
        <AdvertEntryCard onAdded={() => void load()} />
      </div>
      <div className="filter-bar" style={{ marginTop: 10 }}>
        <InputGroup leftIcon="search" placeholder="按广告主、信用代码、媒介、内容、链接、结论搜索" aria-label="搜索广告" value={text} onValueChange={setText} className="filter-search" />
        <Checkbox checked={onlyLedger} onChange={(e) => setOnlyLedger(e.currentTarget.checked)} label="只看排查台账中的广告主" />
        <span className="muted" data-testid="advert-count">{adverts ? `共 ${rows.length} 条` : '读取中…'}</span>
      </div>
      <VirtualTable
        testId="advert-table"
        headers={['监测日期', '媒介', '广告主', '内容', '结论', '排查台账', '处置', '']}
        columns={ADVERT_COLUMNS}
        minWidth={1100}
        rows={rows}
        rowKey={(a) => a.id}
        cells={(a) => {
          const firm = firmOf.get(a.advertiserKey);
          return (
            <>
              <td className="cell">{a.date}</td>
              <td className="cell">{a.medium}</td>
              <td className="cell" title={a.advertiserCode ? `${a.advertiser} ${a.advertiserCode}` : a.advertiser}>{a.advertiser}</td>
              <td className="cell" title={a.link ? `${a.content}\n${a.link}` : a.content}>{a.content}</td>
              <td className="cell">{a.finding}</td>
              <td className="cell">{firm ? <a href={`#/screening/firm/${encodeURIComponent(firm.id)}`} title="打开排查台账中的企业">{firm.name}</a> : <span className="muted">未在台账</span>}</td>
              <td className="cell">{actionTags(a)}</td>
              <td className="cell">
                <Button small minimal text="处置本条" disabled={!can('clues.write')} onClick={() => setTarget({ kind: 'advert', id: a.id, label: `${a.advertiser} ${a.date} 的广告` })} />
                <Button small minimal text="处置广告主" disabled={!can('clues.write')} onClick={() => setTarget({ kind: 'advertiser', id: a.advertiserKey, label: `广告主 ${a.advertiser}` })} />
              </td>
            </>
          );
        }}
      />
      {target && (
        <AdvertActionDialog
          target={target}
          onClose={() => setTarget(null)}
          onDone={() => {
            setTarget(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
