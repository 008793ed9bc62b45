import { existsSync } from 'node:fs';
import { findElectronRuntime, mainFile, preloadFile, rendererIndex } from './electron-runtime';

// Says once, up front, why the Electron tests are skipped, or stops them when the build they test
// is missing (a real failure where Electron exists: run `npm run build` first).
// biome-ignore lint/style/noDefaultExport: Playwright loads globalSetup from the default export
export default function globalSetup(): void {
  const runtime = findElectronRuntime();
  if (!runtime.available) {
    console.log(`[tests/electron] SKIPPED: ${runtime.reason}`);
    return;
  }
  const missing = [mainFile, preloadFile, rendererIndex].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`[tests/electron] build output missing (${missing.join(', ')}): run npm run build first.`);
  }
}
