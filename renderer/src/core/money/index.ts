export { fenToCapitals, fenToYuanString, formatFen } from './format-money';
export { ANY_SPACE, foldFullWidth, removeSpaces } from './normalize-text';
export type { MoneyErrorCode, MoneyParseResult, MoneyUnit } from './parse-money';
export { parseMoneyToFen } from './parse-money';
