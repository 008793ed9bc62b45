import type { Bridge } from './bridge';
import { createBrowserBridge } from './browser-bridge';
import { createElectronBridge, hasWorkstationPreload } from './electron-bridge';

/** The preload's window.workstation exists only inside the Electron shell. */
export function selectBridge(): Bridge {
  return hasWorkstationPreload() ? createElectronBridge() : createBrowserBridge();
}
