import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate } from './appMenu';

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('buildAppMenuTemplate', () => {
  it('has the Chinese top-level menus 文件 编辑 视图 帮助', () => {
    const menu = buildAppMenuTemplate({ allowDevTools: false, platform: 'win32', onShowAbout: () => undefined });
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers no way to DevTools or reloading in production', () => {
    const items = allItems(buildAppMenuTemplate({ allowDevTools: false, platform: 'win32', onShowAbout: () => undefined }));
    const roles = items.map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
  });

  it('offers DevTools in development', () => {
    const items = allItems(buildAppMenuTemplate({ allowDevTools: true, platform: 'linux', onShowAbout: () => undefined }));
    expect(items.map((item) => item.role)).toContain('toggleDevTools');
  });

  it('opens the about box from 帮助', () => {
    let shown = 0;
    const menu = buildAppMenuTemplate({ allowDevTools: false, platform: 'win32', onShowAbout: () => (shown += 1) });
    const help = menu.find((item) => item.label === '帮助');
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    about?.click?.({} as never, undefined, {} as never);
    expect(shown).toBe(1);
  });

  it('adds the standard app menu first on macOS only', () => {
    expect(buildAppMenuTemplate({ allowDevTools: false, platform: 'darwin', onShowAbout: () => undefined })[0]?.role).toBe('appMenu');
    expect(buildAppMenuTemplate({ allowDevTools: false, platform: 'win32', onShowAbout: () => undefined })[0]?.role).toBeUndefined();
  });
});
