// The one object the Electron preload exposes (electron/preload/preload.cts). Absent in a plain
// browser, hence optional: only electron-bridge.ts reads it.
import type { WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';

declare global {
  interface Window {
    readonly workstation?: WorkstationPreloadApi;
  }
}
