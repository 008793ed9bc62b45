// What the window does when the page cannot go on by itself: a renderer crash (out of memory in a
// very large import) and a page that asks not to be closed (unsaved form).

import { type BrowserWindow, dialog } from 'electron';

/**
 * Electron silently refuses to close a window whose page cancels beforeunload, so a form that
 * guards unsaved input would make the app impossible to quit. Ask the user instead.
 */
function confirmCloseWithUnsavedInput(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: '有未保存的内容',
      message: '当前页面有尚未保存的内容。',
      detail: '填写的内容已作为草稿保存在本机，下次打开该页面时会恢复，但尚未保存为正式记录。要继续编辑，请选择“返回”。',
      buttons: ['返回', '离开（保留草稿）'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // preventDefault() on this event overrides the page's beforeunload and lets the close go on.
    if (choice === 1) event.preventDefault();
  });
}

/** A crashed page leaves a white window; say what happened and reload the UI (data is in IndexedDB). */
function recoverFromRendererCrash(window: BrowserWindow): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    console.error(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    dialog.showMessageBoxSync(window, {
      type: 'error',
      title: '界面意外退出',
      message: `界面进程意外退出（${details.reason}）。`,
      detail:
        '已保存的数据不受影响；正在填写的表单已作为草稿保存，重新打开该页面即可恢复。点击“重新加载”恢复界面。如在导入大文件时反复出现，请把文件拆分后分批导入。',
      buttons: ['重新加载'],
      noLink: true,
    });
    if (!window.isDestroyed()) window.webContents.reload();
  });
}

export function installWindowGuards(window: BrowserWindow): void {
  confirmCloseWithUnsavedInput(window);
  recoverFromRendererCrash(window);
}
