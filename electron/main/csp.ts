// The Content-Security-Policy sent with every page of the UI, by the app:// handler in Electron
// and by scripts/start.mjs in browser mode, so both run under the same rules.
//
// No 'unsafe-inline' and no 'unsafe-eval' anywhere: the Vite build emits only external scripts and
// stylesheets, and React's style={} props go through the CSSOM, which CSP does not restrict.
// Workers may come from blob: (pdfmake/xlsx off the main thread); images and fonts from data: and
// blob: (previews, embedded fonts); frames only from the UI itself or its own blob: URLs (a PDF
// preview, browser-mode printing). It matches the <meta> policy in renderer/index.html (when both
// apply, the stricter wins, so they must agree). Nothing may reach the network: the office network is offline
// and case data must never leave the machine.

const DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['worker-src', ["'self'", 'blob:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['media-src', ["'self'", 'blob:']],
  ['object-src', ["'none'"]],
  ['frame-src', ["'self'", 'blob:']],
  ['child-src', ["'self'", 'blob:']],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export const CONTENT_SECURITY_POLICY: string = DIRECTIVES.map(
  ([name, sources]) => `${name} ${sources.join(' ')}`,
).join('; ');

/** Headers sent with every response of the UI, in Electron and in browser mode alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};
