// Dates as staff type them. The app writes dates as 2026-12-02 everywhere (never a PC-locale
// mm/dd/yyyy); people also type 2026年12月2日, 2026/12/2, 2026.12.2 or 20261202, and full-width
// digits from a Chinese IME. Anything else is left for the form's own check to name.
import { isIsoDate } from '../calendar/iso-date';

const FULL_WIDTH_DIGIT = /[０-９]/g;
const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The ISO date (YYYY-MM-DD) a typed text means, or null when it is not a whole, real date. */
export function readTypedDate(text: string): string | null {
  const t = text.trim().replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = SEPARATED.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
