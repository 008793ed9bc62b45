import i18next from 'i18next';

type Bundle = readonly [namespace: string, zhCN: Record<string, unknown>, en: Record<string, unknown>];
const pending: Bundle[] = [];

/**
 * Lets each area keep its wording next to its pages: `registerMessages('creditors', zh, en)` at the
 * top of the area's module adds the namespace, used as `useTranslation('creditors')`. Modules load
 * before i18next is initialised, so bundles wait until initI18n applies them.
 */
export function registerMessages(namespace: string, zhCN: Record<string, unknown>, en: Record<string, unknown>): void {
  if (i18next.isInitialized) addBundle([namespace, zhCN, en]);
  else pending.push([namespace, zhCN, en]);
}

export function applyPendingMessages(): void {
  for (const bundle of pending.splice(0)) addBundle(bundle);
}

function addBundle([namespace, zhCN, en]: Bundle): void {
  i18next.addResourceBundle('zh-CN', namespace, zhCN, true, false);
  i18next.addResourceBundle('en', namespace, en, true, false);
}
