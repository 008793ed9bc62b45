import nzhcn from 'nzh/cn';

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分（收到 ${fen}）`);
}

/** 123456 → "1234.56"; negative amounts (differences) keep their sign. Pure integer arithmetic. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** 123450 → "1,234.50", the way amounts are shown in tables and documents. */
export function formatFen(fen: number): string {
  const plain = fenToYuanString(fen);
  const sign = plain.startsWith('-') ? '-' : '';
  const [intPart = '0', frac = '00'] = plain.slice(sign.length).split('.');
  return `${sign}${intPart.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/**
 * 123450 → "壹仟贰佰叁拾肆元伍角整", amounts in capitals (大写金额) as printed on documents.
 *
 * The 整 rule follows the PBoC rules for filling in vouchers (《正确填写票据和结算凭证的基本规定》):
 * 整 after 元 (必须); after 角 it is optional and we write it (伍角整) so nothing can be appended;
 * never after 分. Zero is 零元整. nzh gets a "123.45" string built from integer fen because it
 * truncates past two decimals and returns bad input unchanged.
 */
export function fenToCapitals(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError(`大写金额不能为负数（收到 ${fen} 分）`);
  return nzhcn.toMoney(fenToYuanString(fen), { outSymbol: false, forceZheng: true });
}
