// Small records kept outside the database (the store record, the audit anchor) are read back from
// text anyone could have edited: anything that is not a JSON object reads as "no record".

/** The JSON object in `text`, or null when the text is absent, not JSON, or not an object. */
export function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}
