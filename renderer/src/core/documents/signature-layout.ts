// 落款 placement (GB/T 9704 7.3.5.1, 加盖印章): the date sits four characters in from the right
// margin, and the office name is centred over the date. Both writers use these character offsets.

export interface SignatureIndents {
  readonly officeRightChars: number;
  readonly dateRightChars: number;
}

const DATE_RIGHT_CHARS = 4;

/** Width in body characters: CJK counts 1, ASCII digits and letters count ½. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

export function signatureIndents(office: string, date: string): SignatureIndents {
  const officeW = textWidthChars(office);
  const dateW = textWidthChars(date);
  const centred = DATE_RIGHT_CHARS + (dateW - officeW) / 2;
  return { officeRightChars: Math.max(0, centred), dateRightChars: DATE_RIGHT_CHARS };
}
