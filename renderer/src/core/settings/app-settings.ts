// Office settings. The office name is the issuing authority printed on documents; the operator name
// goes into every audit entry; prefixes make document numbers like 威处非询〔2020〕12号.

/** Document types that get numbers (文号), with the prefix a new install suggests. */
export const DOCUMENT_TYPES = [
  { id: 'inquiry-notice', label: '联合执法询问通知书', defaultPrefix: '处非询' },
  { id: 'inspection-record', label: '现场检查笔录', defaultPrefix: '处非检' },
  { id: 'rectification-notice', label: '整改通知书', defaultPrefix: '处非改' },
  { id: 'case-transfer', label: '案件移送函', defaultPrefix: '处非移' },
  { id: 'mediation-agreement', label: '调解协议书', defaultPrefix: '处非调' },
  { id: 'refund-notice', label: '清退告知书', defaultPrefix: '处非清' },
  { id: 'service-receipt', label: '送达回证', defaultPrefix: '处非送' },
  { id: 'reward-notice', label: '举报奖励通知书', defaultPrefix: '处非奖' },
  { id: 'risk-notice', label: '风险提示', defaultPrefix: '处非风险提示' },
] as const;
export type DocumentTypeId = (typeof DOCUMENT_TYPES)[number]['id'];

/** 'official': 仿宋_GB2312, 方正小标宋简体 …; 'stockWindows': 仿宋, 宋体 … for PCs without the official fonts. */
export type DocumentFontPreset = 'official' | 'stockWindows';

export interface AppSettings {
  /** 发文机关, e.g. 威海市防范和处置非法集资工作领导小组办公室. */
  readonly officeName: string;
  /** 区县 the office covers; the zero-case-district ratio is computed over this list. */
  readonly districts: readonly string[];
  /** Cases filed on or before this date are 陈案积案. */
  readonly backlogCutoff: string;
  /** Start of the special campaign (专项行动): the backlog reduction rate counts from it. '' = not set. */
  readonly campaignStart: string;
  /** 经办人: written into every audit entry. */
  readonly operatorName: string;
  readonly documentPrefixes: Readonly<Record<DocumentTypeId, string>>;
  readonly documentFontPreset: DocumentFontPreset;
  /** 信访件编号 prefix: numbers like 威处非信〔2026〕3号, given at registration (per year, never reused). */
  readonly petitionPrefix: string;
}

export const DEFAULT_PETITION_PREFIX = '处非信';

export const DEFAULT_SETTINGS: AppSettings = {
  officeName: '',
  districts: [],
  backlogCutoff: '2017-12-31',
  campaignStart: '',
  operatorName: '',
  documentPrefixes: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.id, t.defaultPrefix])) as Record<
    DocumentTypeId,
    string
  >,
  documentFontPreset: 'official',
  petitionPrefix: DEFAULT_PETITION_PREFIX,
};
