// The app's identity. NEVER CHANGE ANY OF THESE after the first release: Chromium keys the
// IndexedDB (the office's case data) by origin, Electron keys the userData folder by product name,
// and Windows keys the installation and notifications by the app id. Changing one silently strands
// every record on every office PC under the old name, where the new version cannot see it.
// electron-builder.yml repeats APP_ID and PRODUCT_NAME; tests/unit/electron/app-identity.test.ts
// checks that the two agree.

/** The custom scheme the UI is served from (not file://, whose origin is opaque and unstable). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workstation';
/** The renderer's origin, and so the key of its IndexedDB database. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Windows AppUserModelID and installer id. */
export const APP_ID = 'cn.chufei.workstation';
/** Folder name of userData (%APPDATA%\处非工作台, ~/.config/处非工作台). */
export const PRODUCT_NAME = '处非工作台';
