import { describe, expect, it } from 'vitest';
import { appMenuTemplate, menuRoles } from '../../../main/security/app-menu';
import { defaultWindowOptions } from '../../../main/security/window-options';

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('has no developer tools or reload in a packaged build on %s', (platform) => {
    const roles = menuRoles(appMenuTemplate({ packaged: true, platform }));
    expect(roles.length).toBeGreaterThan(3);
    for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
    // The default menu's View submenu with devtools is not slipped back in through a role.
    expect(roles).not.toContain('viewMenu');
    expect(roles).not.toContain('defaultMenu' as never);
  });

  it('keeps them in a development build', () => {
    const roles = menuRoles(appMenuTemplate({ packaged: false, platform: 'linux' }));
    for (const role of DEVELOPER_ROLES) expect(roles).toContain(role);
  });

  it('opens windows with devTools off when packaged, on in development', () => {
    expect(defaultWindowOptions('p', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(defaultWindowOptions('p').webPreferences?.devTools).toBe(true);
  });
});
