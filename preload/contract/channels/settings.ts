/** Workstation settings (one schema for electron-store and conf). */
import { SaveCameraGroupsInput, Settings, SettingsPatch } from '../schemas/settings';
import { channel, none } from '../channel';

export const settingsChannels = {
  'cw:settings.get': channel({ input: none, output: Settings, access: 'public' }),
  'cw:settings.update': channel({ input: SettingsPatch, output: Settings, access: 'workstation' }),
  /**
   * One site's camera-wall groups. `session`, not supervisor-only: groups are the
   * workstation user's own arrangement of the wall (which cameras to watch
   * together), like the theme; they grant no access to anything new.
   */
  'cw:settings.saveCameraGroups': channel({ input: SaveCameraGroupsInput, output: Settings, access: 'workstation' }),
} as const;

export const settingsEvents = {
  'cw:settings.changed': Settings,
} as const;
