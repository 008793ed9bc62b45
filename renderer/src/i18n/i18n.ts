import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { applyPendingMessages } from './register-messages';
import { zhCN } from './zh-CN';

/** One i18n layer for the whole UI: Chinese first, English second. */
export async function initI18n(language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  applyPendingMessages();
}
