// Hash routes (#/cases/abc): they work the same under app:// in Electron and http:// in browser mode,
// and survive a reload, so a user returns to the page they were on.
export type Route =
  | { readonly area: 'cases'; readonly view: 'list' }
  | { readonly area: 'cases'; readonly view: 'new' }
  | { readonly area: 'cases'; readonly view: 'detail'; readonly caseId: string }
  | { readonly area: 'cases'; readonly view: 'edit'; readonly caseId: string }
  /** Areas own the rest of their path, e.g. #/creditors/<caseId> → rest ['<caseId>']. */
  | { readonly area: FeatureArea; readonly rest: readonly string[] }
  | { readonly area: 'settings'; readonly tab: SettingsTab };

export type SettingsTab = 'office' | 'users' | 'fonts' | 'keywords' | 'exchange' | 'audit' | 'storage' | 'backup' | 'lock';
const SETTINGS_TABS: readonly string[] = [
  'office',
  'users',
  'fonts',
  'keywords',
  'exchange',
  'audit',
  'storage',
  'backup',
  'lock',
] satisfies readonly SettingsTab[];

export type FeatureArea =
  | 'creditors'
  | 'repayment'
  | 'petitions'
  | 'documents'
  | 'screening'
  | 'clues'
  | 'exchange'
  | 'dashboard';
export type Area = Route['area'];

export const AREAS: readonly Area[] = [
  'cases',
  'creditors',
  'repayment',
  'petitions',
  'documents',
  'screening',
  'clues',
  'exchange',
  'dashboard',
  'settings',
];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [area, a, b] = parts;
  switch (area) {
    case 'creditors':
    case 'repayment':
    case 'petitions':
    case 'documents':
    case 'screening':
    case 'clues':
    case 'exchange':
    case 'dashboard':
      return { area, rest: parts.slice(1) };
    case 'settings':
      return { area: 'settings', tab: a !== undefined && SETTINGS_TABS.includes(a) ? (a as SettingsTab) : 'office' };
    case 'cases':
      if (a === 'new') return { area: 'cases', view: 'new' };
      if (a && b === 'edit') return { area: 'cases', view: 'edit', caseId: a };
      if (a) return { area: 'cases', view: 'detail', caseId: a };
      return { area: 'cases', view: 'list' };
    default:
      return { area: 'cases', view: 'list' };
  }
}

export function routeHref(route: Route): string {
  switch (route.area) {
    case 'cases':
      if (route.view === 'list') return '#/cases';
      if (route.view === 'new') return '#/cases/new';
      return `#/cases/${encodeURIComponent(route.caseId)}${route.view === 'edit' ? '/edit' : ''}`;
    case 'settings':
      return `#/settings/${route.tab}`;
    default:
      return ['#', route.area, ...route.rest.map(encodeURIComponent)].join('/');
  }
}
