// Wording of 线索监测. The area is in Chinese only for now (its users' language); domain values
// (channels, levels, statuses, dispositions) are data in core/clues and shown as they are.
export const TAB_LABELS = { list: '线索台账', rewards: '举报奖励', adverts: '广告监测', notices: '风险提示', settings: '时限与奖励办法' } as const;
export type CluesTab = keyof typeof TAB_LABELS;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  receivedOn: '收到日期',
  channel: '来源渠道',
  'subject.kind': '主体类型',
  'subject.name': '主体名称',
  'subject.creditCode': '统一社会信用代码',
  'subject.link': '网址或 App',
  allegation: '反映内容',
  level: '预警等级',
  levelReason: '定级理由',
  'reporter.name': '举报人姓名',
  'reporter.phone': '举报人联系电话',
  'reporter.idNumber': '举报人身份证号码',
  operator: '经办人',
};

export const LOAD_FAILED = '读取失败：';
