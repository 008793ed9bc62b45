// The 线索监测 figures of the 统计 dashboard. A clue belongs to the period of its received date;
// verification and disposition figures count clues verified / disposed within the period; rewards
// count by payment date; adverts by monitoring date; actions and notices by their own date.
import { daysBetween } from '../calendar/iso-date';
import type { FigureRecords } from '../figures/records';
import { countResult, lazyRecords, unavailableResult, within } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope, FigureUnit } from '../figures/types';
import { formatFen } from '../money/format-money';
import type { MonitoringRecord } from './figure-records';
import { CLUE_CHANNELS, WARNING_LEVELS } from './types';

const AREA = 'clues';
type Of<T extends MonitoringRecord['type']> = Extract<MonitoringRecord, { type: T }>;

function byType(records: FigureRecords, scope: FigureScope) {
  return scope.shared('clues.byType', () => {
    const out = { clue: [] as Of<'clue'>[], reward: [] as Of<'reward'>[], advert: [] as Of<'advert'>[], action: [] as Of<'action'>[], notice: [] as Of<'notice'>[] };
    for (const r of records.monitoring) (out[r.type] as MonitoringRecord[]).push(r);
    return out;
  });
}

const clueRef = (c: Of<'clue'>, detail = ''): FigureRecordRef => ({ kind: 'clue', id: c.id, detail: `${c.clueNo} ${c.receivedOn} ${c.channel} ${c.level}${detail}` });

function figure(id: string, label: string, unit: FigureUnit, recordKind: string, definition: string, compute: FigureDefinition['compute']): FigureDefinition {
  return { id, area: AREA, label, unit, recordKind, definition, compute };
}

function cluesReceived(records: FigureRecords, scope: FigureScope): Of<'clue'>[] {
  return scope.shared('clues.received', () => byType(records, scope).clue.filter((c) => within(c.receivedOn, scope.period.from, scope.period.to)));
}

// Ids are ASCII (area.name): the channel and level names are in the labels.
const CHANNEL_IDS: Readonly<Record<(typeof CLUE_CHANNELS)[number], string>> = {
  热线: 'hotline',
  来信来访: 'letterVisit',
  微信: 'wechat',
  支付宝: 'alipay',
  网格员: 'gridWorker',
  监测平台预警: 'platformWarning',
  反洗钱监测: 'amlWarning',
  上级交办: 'assignedFromAbove',
  部门移送: 'departmentTransfer',
};
const LEVEL_IDS: Readonly<Record<(typeof WARNING_LEVELS)[number], string>> = { 高: 'high', 中: 'medium', 低: 'low' };

const channelFigures = CLUE_CHANNELS.map((ch) =>
  figure(`clues.channel.${CHANNEL_IDS[ch]}`, `线索数（${ch}）`, 'items', 'clue', `收到日期在统计期间内、来源渠道为“${ch}”的线索条数。`, (r, s) => {
    const list = cluesReceived(r, s).filter((c) => c.channel === ch);
    return countResult(list.length, lazyRecords(list, (c) => clueRef(c)));
  }),
);

const levelFigures = WARNING_LEVELS.map((lv) =>
  figure(`clues.level.${LEVEL_IDS[lv]}`, `${lv}等级预警线索数`, 'items', 'clue', `收到日期在统计期间内、预警等级为“${lv}”的线索条数。`, (r, s) => {
    const list = cluesReceived(r, s).filter((c) => c.level === lv);
    return countResult(list.length, lazyRecords(list, (c) => clueRef(c)));
  }),
);

export const CLUE_FIGURES: FigureArea = {
  id: AREA,
  label: '线索监测',
  figures: [
    figure('clues.received', '收到线索数', 'items', 'clue', '收到日期在统计期间内的线索条数（含同一事项的重复举报）。', (r, s) => {
      const list = cluesReceived(r, s);
      return countResult(list.length, lazyRecords(list, (c) => clueRef(c)));
    }),
    ...channelFigures,
    ...levelFigures,
    figure('clues.verified', '核查完毕线索数', 'items', 'clue', '核查结论日期在统计期间内的线索条数。', (r, s) => {
      const list = byType(r, s).clue.filter((c) => within(c.verifiedOn, s.period.from, s.period.to));
      return countResult(list.length, lazyRecords(list, (c) => clueRef(c, `，${c.verifiedOn} 核查完毕`)));
    }),
    figure('clues.disposed', '处置线索数', 'items', 'clue', '处置日期在统计期间内的线索条数（立案、移送、纳入风险台账、不予立案、已答复）。', (r, s) => {
      const list = byType(r, s).clue.filter((c) => within(c.disposedOn, s.period.from, s.period.to));
      return countResult(list.length, lazyRecords(list, (c) => clueRef(c, `，${c.disposedOn} ${c.dispositionKind}`)));
    }),
    figure('clues.daysToVerify', '平均核查用时', 'days', 'clue', '核查结论日期在统计期间内的线索，从收到到核查结论的日历天数的平均值（四舍五入到整天）。', (r, s) => {
      const list = byType(r, s).clue.filter((c) => within(c.verifiedOn, s.period.from, s.period.to));
      if (list.length === 0) return unavailableResult('统计期间内没有核查完毕的线索');
      let total = 0;
      for (const c of list) total += daysBetween(c.receivedOn, c.verifiedOn ?? c.receivedOn);
      return countResult(Math.round(total / list.length), lazyRecords(list, (c) => clueRef(c, `，用时 ${daysBetween(c.receivedOn, c.verifiedOn ?? c.receivedOn)} 天`)));
    }),
    ...rewardFigures(),
    figure('clues.adverts', '监测金融广告数', 'items', 'advert', '监测日期在统计期间内的广告条数（导入和手工登记，同一广告只计一次）。', (r, s) => {
      const list = byType(r, s).advert.filter((a) => within(a.date, s.period.from, s.period.to));
      return countResult(list.length, lazyRecords(list, (a) => ({ kind: 'advert', id: a.id, detail: `${a.date} ${a.advertiser}` })));
    }),
    advertiserFigure('clues.advertisers.interviewedOrWarned', '约谈或警告的广告主数', ['约谈', '警告'], '统计期间内被约谈或警告（针对广告主或其某条广告）的广告主个数，同一广告主只计一次。'),
    advertiserFigure('clues.advertisers.transferred', '移送公安的广告主数', ['移送公安'], '统计期间内移送公安机关的广告主个数，同一广告主只计一次。'),
    figure('clues.riskNotices', '发布风险提示期数', 'issues', 'riskNotice', '发布日期在统计期间内的风险提示期数。', (r, s) => {
      const list = byType(r, s).notice.filter((n) => within(n.date, s.period.from, s.period.to));
      return countResult(list.length, lazyRecords(list, (n) => ({ kind: 'riskNotice', id: n.id, detail: `${n.date} ${n.title}` })));
    }),
  ],
};

function rewardFigures(): FigureDefinition[] {
  const paid = (r: FigureRecords, s: FigureScope) => s.shared('clues.rewardsPaid', () => byType(r, s).reward.filter((x) => x.status === '已发放' && within(x.paidOn, s.period.from, s.period.to)));
  const ref = (x: Of<'reward'>): FigureRecordRef => ({ kind: 'reward', id: x.id, detail: `${x.paidOn} ${x.form === 'cash' ? '现金' : '实物'} ${formatFen(x.amountFen)} 元` });
  return [
    figure('clues.rewards.count', '发放举报奖励笔数', 'batches', 'reward', '发放日期在统计期间内的举报奖励笔数（现金和实物）。', (r, s) => {
      const list = paid(r, s);
      return countResult(list.length, lazyRecords(list, ref));
    }),
    figure('clues.rewards.cash', '发放现金奖励金额', 'fen', 'reward', '发放日期在统计期间内的现金奖励金额合计。', (r, s) => {
      const list = paid(r, s).filter((x) => x.form === 'cash');
      return countResult(list.reduce((t, x) => t + x.amountFen, 0), lazyRecords(list, ref));
    }),
    figure('clues.rewards.goods', '发放实物奖励价值', 'fen', 'reward', '发放日期在统计期间内的实物奖励价值合计。', (r, s) => {
      const list = paid(r, s).filter((x) => x.form === 'goods');
      return countResult(list.reduce((t, x) => t + x.amountFen, 0), lazyRecords(list, ref));
    }),
  ];
}

function advertiserFigure(id: string, label: string, kinds: readonly string[], definition: string): FigureDefinition {
  return figure(id, label, 'entities', 'advertAction', definition, (r, s) => {
    const first = new Map<string, Of<'action'>>();
    for (const a of byType(r, s).action) if (kinds.includes(a.kind) && within(a.date, s.period.from, s.period.to) && !first.has(a.advertiserKey)) first.set(a.advertiserKey, a);
    const list = [...first.values()];
    return countResult(list.length, lazyRecords(list, (a) => ({ kind: 'advertAction', id: a.id, detail: `${a.date} ${a.kind} ${a.advertiser}` })));
  });
}
