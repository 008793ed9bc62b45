// The kinds of record a package carries, with how the received-records view names them. The
// extension point for areas built later: 排查 (screening) and 线索监测 (clues) add a section here and
// their records to OfficeSource.extra (build-records.ts); kinds a package brings that this app does
// not list are stored and shown under their kind name, never dropped.

export interface ExchangeSection {
  readonly kind: string;
  /** 案件, 信访件 … */
  readonly label: string;
  /** The line shown for one record in the read-only view. */
  readonly title: (data: Readonly<Record<string, unknown>>) => string;
}

const MONITORING_LABELS: Readonly<Record<string, string>> = { clue: '线索', reward: '举报奖励', advert: '监测广告', action: '广告处置', notice: '风险提示' };

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export const EXCHANGE_SECTIONS: readonly ExchangeSection[] = [
  { kind: 'case', label: '案件', title: (d) => `${text(d.caseNumber)} ${text(d.title)}（${text(d.stage)}）` },
  { kind: 'petition', label: '信访件', title: (d) => `${text(d.receivedOn)} ${text(d.demands).slice(0, 40)}（${text(d.status)}）` },
  { kind: 'refunds', label: '清退情况', title: (d) => `案件 ${text(d.caseId)}：已批准批次 ${Array.isArray(d.batches) ? d.batches.length : 0} 批` },
  { kind: 'document', label: '文书登记', title: (d) => `${text(d.number) || '（无文号）'} ${text(d.typeLabel)} ${text(d.summary)}（${text(d.status)}）` },
  { kind: 'creditors', label: '集资参与人名单', title: (d) => `案件 ${text(d.caseId)}：${text(d.count)} 人` },
  { kind: 'notice', label: '通知', title: (d) => `${text(d.issuedOn)} ${text(d.title)}` },
  {
    kind: 'assignment',
    label: '交办事项',
    title: (d) => `${text(d.issuedOn)} 交办${d.target === 'clue' ? '线索' : '信访件'} ${text(d.number)}：${text(d.request)}`,
  },
  { kind: 'screening', label: '排查台账（统计用）', title: (d) => `排查对象 ${text(d.count)} 户` },
  { kind: 'monitoring', label: '线索监测（统计用）', title: (d) => `${MONITORING_LABELS[text(d.type)] ?? text(d.type)} ${text(d.count)} 条` },
];

export function sectionOf(kind: string): ExchangeSection {
  return EXCHANGE_SECTIONS.find((s) => s.kind === kind) ?? { kind, label: kind, title: (d) => text(d.title) || text(d.name) || kind };
}
