import { describe, expect, it } from 'vitest';
import { CLUE_FIGURES } from '../../../../renderer/src/core/clues/dashboard-figures';
import type { MonitoringRecord } from '../../../../renderer/src/core/clues/figure-records';
import { computeFigures } from '../../../../renderer/src/core/figures/compute';
import { recordsOf } from '../figures/helpers';

const clue = (id: string, receivedOn: string, channel: string, level: string, verifiedOn: string | null, disposedOn: string | null): MonitoringRecord => ({
  type: 'clue', district: null, id, clueNo: id, receivedOn, channel, level, verifiedOn, disposedOn, dispositionKind: disposedOn ? '移送' : null, firstClueId: null,
});

// Hand-computed: 2026 has three clues (two 热线, one 微信), two verified in 2026 after 4 and 10 days;
// 2025 had one. Rewards: one cash 1,500 yuan and one goods 8,000 yuan paid in 2026, one only proposed.
const monitoring: MonitoringRecord[] = [
  clue('a', '2026-01-02', '热线', '高', '2026-01-06', '2026-01-10'),
  clue('b', '2026-03-01', '热线', '中', '2026-03-11', null),
  clue('c', '2026-05-01', '微信', '低', null, null),
  clue('d', '2025-05-01', '微信', '低', '2025-05-03', null),
  { type: 'reward', district: null, id: 'r1', status: '已发放', form: 'cash', amountFen: 150_000, paidOn: '2026-04-01' },
  { type: 'reward', district: null, id: 'r2', status: '已发放', form: 'goods', amountFen: 800_000, paidOn: '2026-04-02' },
  { type: 'reward', district: null, id: 'r3', status: '已提出', form: 'cash', amountFen: 50_000, paidOn: null },
  { type: 'advert', district: null, id: 'ad1', date: '2026-02-01', advertiserKey: 'k1', advertiser: '甲' },
  { type: 'advert', district: null, id: 'ad2', date: '2026-02-02', advertiserKey: 'k1', advertiser: '甲' },
  { type: 'action', district: null, id: 'x1', date: '2026-02-03', kind: '约谈', advertiserKey: 'k1', advertiser: '甲' },
  { type: 'action', district: null, id: 'x2', date: '2026-02-04', kind: '警告', advertiserKey: 'k1', advertiser: '甲' },
  { type: 'action', district: null, id: 'x3', date: '2026-02-05', kind: '移送公安', advertiserKey: 'k2', advertiser: '乙' },
  { type: 'notice', district: null, id: 'n1', date: '2026-06-01', title: '警惕养老诈骗' },
];

describe('线索监测 figures', () => {
  it('count the year by their own dates, with the change on the year before', () => {
    const rows = computeFigures(CLUE_FIGURES.figures, recordsOf({ districts: [], monitoring }), { from: '2026-01-01', to: '2026-12-31' }, '2026-12-31');
    const v = (id: string) => rows.find((r) => r.figure.id === id)?.current.value;
    expect(v('clues.received')).toBe(3);
    expect(v('clues.channel.hotline')).toBe(2);
    expect(v('clues.channel.wechat')).toBe(1);
    expect(v('clues.level.high')).toBe(1);
    expect(v('clues.verified')).toBe(2);
    expect(v('clues.disposed')).toBe(1);
    expect(v('clues.daysToVerify')).toBe(7);
    expect(v('clues.rewards.count')).toBe(2);
    expect(v('clues.rewards.cash')).toBe(150_000);
    expect(v('clues.rewards.goods')).toBe(800_000);
    expect(v('clues.adverts')).toBe(2);
    expect(v('clues.advertisers.interviewedOrWarned')).toBe(1);
    expect(v('clues.advertisers.transferred')).toBe(1);
    expect(v('clues.riskNotices')).toBe(1);
    // 2025: one clue received; 3 against 1 is +200%.
    expect(rows.find((r) => r.figure.id === 'clues.received')?.previous.value).toBe(1);
  });
});
