/** Workstation settings (one schema for electron-store and conf). */
import { Settings, SettingsPatch } from '../schemas/settings';
import { channel, none } from '../channel';

export const settingsChannels = {
  'cw:settings.get': channel({ input: none, output: Settings, access: 'public' }),
  'cw:settings.update': channel({ input: SettingsPatch, output: Settings, access: 'session' }),
} as const;
