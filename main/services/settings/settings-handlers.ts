/** The settings area: the workstation's settings (electron-store in Electron, conf elsewhere), one schema. */
import type { settingsChannels } from '../../../preload/contract/channels/settings';
import type { Area } from '../area';
import type { Core } from '../core';

export function createSettingsArea(core: Pick<Core, 'settings' | 'me'>): Area<typeof settingsChannels> {
  const { settings, me } = core;
  return {
    handlers: {
      'cw:settings.get': async () => settings.get(),
      'cw:settings.update': (patch) => settings.update(me(), patch),
      'cw:settings.saveCameraGroups': ({ siteId, groups }) => settings.saveCameraGroups(me(), siteId, groups),
    },
  };
}
