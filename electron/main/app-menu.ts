// A small Chinese menu. Its roles give the usual keyboard shortcuts (copy, paste, undo, zoom)
// on Windows and Linux; there is deliberately no "reload", which would drop a half-filled form.

import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export function installAppMenu(): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) {
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
