// 文号: prefix per document type, year in 六角括号 〔〕, sequence without leading zeros, e.g.
// 威处非询〔2020〕12号. Assigning the sequence (atomic, never reused) belongs to the database layer.

export interface DocumentNumber {
  readonly prefix: string;
  readonly year: number;
  readonly sequence: number;
}

export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  const p = prefix.trim();
  if (!p) throw new RangeError('文号前缀为空：请在设置中为该文书类型填写文号前缀（如“威处非询”）');
  if (/[〔〕[\]()（）\d]$/.test(p)) {
    throw new RangeError(`文号前缀“${p}”不能以括号或数字结尾：年份和括号由系统加上，请只填写前缀文字`);
  }
  if (!Number.isInteger(year) || year < 1949 || year > 9999) {
    throw new RangeError(`文号年份 ${year} 无效：应为四位公历年份，如 2020`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`文号序号 ${sequence} 无效：序号从 1 开始，为正整数`);
  }
  return `${p}〔${year}〕${sequence}号`;
}

// Accept the look-alike brackets people type (［］ [] () （）【】) when reading numbers back in, but
// always write 〔〕.
const NUMBER_PATTERN = /^(.+?)[〔［[（(【](\d{4})[〕］\]）)】]0*(\d+)号$/;

/** Parses "威处非询〔2020〕12号"; null if it is not a 文号. Leading zeros in the sequence are tolerated. */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  const m = NUMBER_PATTERN.exec(text.trim().replace(/\s+/g, ''));
  if (!m) return null;
  const sequence = Number(m[3]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  return { prefix: m[1] ?? '', year: Number(m[2]), sequence };
}
