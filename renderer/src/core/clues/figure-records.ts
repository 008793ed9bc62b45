// What the 统计 dashboard reads of 线索监测: one flat record per clue, reward, advert, advert action
// and risk notice. None has a district (clues are the office's, not a district's), so they count in
// the office's totals only.
import type { Advert, AdvertAction } from './adverts';
import type { Reward } from './reward';
import type { RiskNotice } from './risk-notices';
import type { Clue } from './types';

interface Base {
  readonly district: null;
  readonly office?: string;
  readonly id: string;
}

export type MonitoringRecord =
  | (Base & {
      readonly type: 'clue';
      readonly clueNo: string;
      readonly receivedOn: string;
      readonly channel: string;
      readonly level: string;
      readonly verifiedOn: string | null;
      readonly disposedOn: string | null;
      readonly dispositionKind: string | null;
      readonly firstClueId: string | null;
    })
  | (Base & { readonly type: 'reward'; readonly status: string; readonly form: 'cash' | 'goods'; readonly amountFen: number; readonly paidOn: string | null })
  | (Base & { readonly type: 'advert'; readonly date: string; readonly advertiserKey: string; readonly advertiser: string })
  | (Base & { readonly type: 'action'; readonly date: string; readonly kind: string; readonly advertiserKey: string; readonly advertiser: string })
  | (Base & { readonly type: 'notice'; readonly date: string; readonly title: string });

export function monitoringRecords(parts: {
  readonly clues: readonly Clue[];
  readonly rewards: readonly Reward[];
  readonly adverts: readonly Pick<Advert, 'id' | 'date' | 'advertiserKey' | 'advertiser'>[];
  readonly actions: readonly (AdvertAction & { readonly advertiserKey: string })[];
  readonly notices: readonly RiskNotice[];
}): MonitoringRecord[] {
  const out: MonitoringRecord[] = [];
  for (const c of parts.clues) {
    out.push({
      type: 'clue',
      district: null,
      id: c.id,
      clueNo: c.clueNo,
      receivedOn: c.receivedOn,
      channel: c.channel,
      level: c.level,
      verifiedOn: c.verifiedOn,
      disposedOn: c.disposition?.date ?? null,
      dispositionKind: c.disposition?.kind ?? null,
      firstClueId: c.firstClueId,
    });
  }
  for (const r of parts.rewards) out.push({ type: 'reward', district: null, id: r.id, status: r.status, form: r.form, amountFen: r.amountFen, paidOn: r.paidOn });
  for (const a of parts.adverts) out.push({ type: 'advert', district: null, id: a.id, date: a.date, advertiserKey: a.advertiserKey, advertiser: a.advertiser });
  for (const a of parts.actions) out.push({ type: 'action', district: null, id: a.id, date: a.date, kind: a.kind, advertiserKey: a.advertiserKey, advertiser: a.advertiser });
  for (const n of parts.notices) out.push({ type: 'notice', district: null, id: n.id, date: n.date, title: n.title });
  return out;
}
