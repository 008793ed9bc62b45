import { HTMLTable, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { FirmMonitoringLinks } from '../../../db/repositories/monitoring-repository';
import { useApp } from '../../app/app-context';

/**
 * 线索与广告监测 of one screening-ledger firm (matched by credit code, or by name where either has
 * none): the clues about it and its monitored adverts with the actions taken. Shown on the firm's
 * page in 排查; the clue and advert pages link back to the firm.
 */
export function FirmMonitoringPanel({ firmId }: { readonly firmId: string }) {
  const { repos } = useApp();
  const [links, setLinks] = useState<FirmMonitoringLinks | null>(null);
  useEffect(() => {
    repos.monitoring.linksForFirm(firmId).then(setLinks, () => setLinks({ clues: [], adverts: [], actions: [] }));
  }, [repos, firmId]);
  if (!links) return null;
  return (
    <section className="screening-section" data-testid="firm-monitoring">
      <h3>
        线索与广告监测（线索 {links.clues.length}，广告 {links.adverts.length}）
      </h3>
      {links.clues.length === 0 && links.adverts.length === 0 && <p className="muted">线索台账和广告监测台账中没有这家企业。</p>}
      {links.clues.length > 0 && (
        <HTMLTable compact striped>
          <thead>
            <tr><th>线索编号</th><th>收到日期</th><th>渠道</th><th>等级</th><th>状态</th><th>反映内容</th></tr>
          </thead>
          <tbody>
            {links.clues.map((c) => (
              <tr key={c.id}>
                <td><a href={`#/clues/${encodeURIComponent(c.id)}`}>{c.clueNo}</a></td>
                <td>{c.receivedOn}</td>
                <td>{c.channel}</td>
                <td>{c.level}</td>
                <td>{c.status}</td>
                <td>{c.allegation.length > 40 ? `${c.allegation.slice(0, 40)}…` : c.allegation}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      {links.adverts.length > 0 && (
        <p>
          监测到广告 {links.adverts.length} 条（最近 {links.adverts[0]?.date}，{links.adverts[0]?.medium}：{links.adverts[0]?.content.slice(0, 30)}）
          {links.actions.map((x) => (
            <Tag key={x.id} minimal className="inline-tag" title={`${x.documentNo ?? ''} ${x.note}`}>
              {x.date} {x.kind}
            </Tag>
          ))}{' '}
          <a href="#/clues/adverts">打开广告监测</a>
        </p>
      )}
    </section>
  );
}
