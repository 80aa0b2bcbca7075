import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  /** Development only: production builds have no way to open DevTools */
  allowDevTools: boolean;
  platform: NodeJS.Platform;
  onShowAbout(): void;
}

/** 文件 / 编辑 / 视图 / 帮助. Roles keep the platform's standard shortcuts (Ctrl+C, Ctrl+Z, …). */
export function buildAppMenuTemplate({ allowDevTools, platform, onShowAbout }: AppMenuOptions): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (allowDevTools) {
    viewItems.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'forceReload', label: '强制重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    // macOS puts the first menu under the app's name; give it the usual app menu there
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
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
    { label: '视图', submenu: viewItems },
    { label: '帮助', submenu: [{ label: '关于党代表履职工作台', click: () => onShowAbout() }] },
  ];
}
