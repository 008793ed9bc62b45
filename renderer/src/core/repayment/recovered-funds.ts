// Sources of recovered funds (追缴资金来源), the categories of art. 26 of the 防范和处置非法集资条例
// (2021): money from these sources goes back to fundraising participants.

export const RECOVERED_FUND_SOURCES = [
  'seizedAssetDisposal',
  'illegalGains',
  'commissionsAndFees',
  'voluntaryRefund',
  'other',
] as const;

export type RecoveredFundSource = (typeof RECOVERED_FUND_SOURCES)[number];

export const RECOVERED_FUND_SOURCE_LABEL: Readonly<Record<RecoveredFundSource, string>> = {
  seizedAssetDisposal: '处置涉案资产',
  illegalGains: '追缴违法所得',
  commissionsAndFees: '追回的佣金、提成、广告费等',
  voluntaryRefund: '集资人主动退赔',
  other: '其他',
};

export interface RecoveredFund {
  readonly id: string;
  readonly source: RecoveredFundSource;
  readonly amountFen: number;
  /** ISO date (YYYY-MM-DD) the money was received into the custody account. */
  readonly date: string;
  readonly note: string;
}

export function isRecoveredFundSource(value: unknown): value is RecoveredFundSource {
  return typeof value === 'string' && (RECOVERED_FUND_SOURCES as readonly string[]).includes(value);
}

/** Σ recovered per source (every source present, 0 when none) and the total. */
export function recoveredBySource(funds: readonly RecoveredFund[]): {
  readonly bySource: Readonly<Record<RecoveredFundSource, number>>;
  readonly totalFen: number;
} {
  const bySource: Record<RecoveredFundSource, number> = {
    seizedAssetDisposal: 0,
    illegalGains: 0,
    commissionsAndFees: 0,
    voluntaryRefund: 0,
    other: 0,
  };
  let totalFen = 0;
  for (const f of funds) {
    bySource[f.source] += f.amountFen;
    totalFen += f.amountFen;
  }
  return { bySource, totalFen };
}

/** Checks one entry before it is stored; messages name the field and say what to do. */
export function validateRecoveredFund(entry: {
  readonly source: unknown;
  readonly amountFen: unknown;
  readonly date: unknown;
}): { readonly field: 'source' | 'amountFen' | 'date'; readonly message: string }[] {
  const errors: { field: 'source' | 'amountFen' | 'date'; message: string }[] = [];
  if (!isRecoveredFundSource(entry.source)) {
    const labels = RECOVERED_FUND_SOURCES.map((s) => RECOVERED_FUND_SOURCE_LABEL[s]).join('、');
    const missing = entry.source === '' || entry.source === null || entry.source === undefined;
    // A blank choice is the common case: say it is missing, not that something typed is wrong.
    errors.push({
      field: 'source',
      message: missing
        ? `资金来源：未选择，请从以下类别中选择：${labels}。`
        : `资金来源：“${String(entry.source)}”不是条例第二十六条的类别，请从以下类别中选择：${labels}。`,
    });
  }
  const amount = entry.amountFen;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    errors.push({ field: 'amountFen', message: '追缴金额必须是大于 0 的整数分，请重新填写金额' });
  }
  if (typeof entry.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) {
    errors.push({ field: 'date', message: '到账日期格式应为 YYYY-MM-DD，请重新选择日期' });
  }
  return errors;
}
