import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default menu carries Reload and Toggle Developer Tools
 * (Ctrl+R, Ctrl+Shift+I): in a packaged workstation those would let anyone at the desk
 * open a console in the officer's session, so a packaged build gets a menu of its own with
 * neither (and its windows are created with devTools off, see window-options.ts).
 * A development build keeps them.
 */
export function appMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const { packaged, platform } = options;
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(packaged
      ? []
      : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

/** Every role in a menu template, submenus included (what the tests check). */
export function menuRoles(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
