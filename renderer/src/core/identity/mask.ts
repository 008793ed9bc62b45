// Masking for lists and public notices (公示名单). Personal data is shown masked by default and
// revealed deliberately; these functions decide what the masked form looks like.

/** 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜, 张 → *. For persons only: firms' names are public. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 37100219800101123X → 371002********123X: region code and last 4 kept (first 6, last 4). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 4) return '*'.repeat(s.length);
  if (s.length <= 10) return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 13800001111 → 138****1111; landline 0631-5200000 → 0631-***0000 (area code and last 4 kept). */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const landline = /^(0\d{2,3}-)(\d+)(.*)$/.exec(s);
  if (landline) {
    const [, area = '', number = '', ext = ''] = landline;
    return `${area}${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}${ext}`;
  }
  if (s.length <= 4) return '*'.repeat(s.length);
  return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}

/** 6222020200112233441 → 6222 **** 3441 (first 4 and last 4, as banks print them). */
export function maskAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  if (s.length <= 8) return `**** ${s.slice(-4)}`;
  return `${s.slice(0, 4)} **** ${s.slice(-4)}`;
}
