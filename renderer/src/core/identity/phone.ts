import { foldFullWidth } from '../money/normalize-text';

export type PhoneResult =
  | { readonly ok: true; readonly phone: string; readonly kind: 'mobile' | 'landline' | 'service' }
  | { readonly ok: false; readonly code: 'PHONE_INVALID'; readonly message: string };

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0xx/0xxx, a 7–8 digit number not starting with 0/1, optional extension.
const LANDLINE = /^(0\d{2,3})-?([2-9]\d{6,7})(?:(?:-|转|ext\.?|#)(\d{1,6}))?$/i;
const SERVICE = /^[48]00\d{7}$/;

/**
 * Checks a mobile (1[3-9]xxxxxxxxx, with +86/0086, spaces or dashes) or a landline (0631-5200000,
 * (0631)5200000, with an extension "-801" or "转801") number, or a 400/800 service number.
 * Returns the number normalized: mobiles as 11 digits, landlines as "0631-5200000[-801]".
 */
export function checkPhone(raw: string | number | null | undefined): PhoneResult {
  const text = raw === null || raw === undefined ? '' : typeof raw === 'number' ? String(raw) : raw;
  // The usual cell is a bare mobile number: every step below would leave it as it is.
  if (MOBILE.test(text)) return { ok: true, phone: text, kind: 'mobile' };
  let s = foldFullWidth(text).replace(/[\s\u00a0]+/g, '').replace(/^['‘’]/, '');
  s = s.replace(/^\((0\d{2,3})\)/, '$1-');
  const digitsOnly = s.replace(/[-()]/g, '');
  const mobile = digitsOnly.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(mobile)) return { ok: true, phone: mobile, kind: 'mobile' };
  if (SERVICE.test(digitsOnly)) return { ok: true, phone: digitsOnly, kind: 'service' };
  const withoutCountry = s.replace(/^(?:\+86|0086)-?/, '0').replace(/^00/, '0');
  const parts = LANDLINE.exec(withoutCountry);
  if (parts) {
    const [, area, number, ext] = parts;
    return { ok: true, phone: `${area}-${number}${ext ? `-${ext}` : ''}`, kind: 'landline' };
  }
  const shown = text.trim() === '' ? '（空）' : `“${text.trim()}”`;
  return {
    ok: false,
    code: 'PHONE_INVALID',
    message: `联系电话${shown}不是有效的手机号（11 位，以 13–19 开头）或带区号的固定电话（如 0631-5200000）。请向本人核实后更正。`,
  };
}
