export type UiLanguage = 'zh-CN' | 'en';

const KEY = 'chufei-workstation:ui-language';

/** The display language is a per-PC preference kept outside the case database (nothing to audit). */
export function loadUiLanguage(): UiLanguage {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveUiLanguage(language: UiLanguage): void {
  try {
    globalThis.localStorage?.setItem(KEY, language);
  } catch {
    // A locked-down profile without localStorage keeps Chinese; nothing else depends on it.
  }
}
