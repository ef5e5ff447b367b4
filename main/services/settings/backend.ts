import type { Settings } from '../../../preload/contract/schemas/settings';

/**
 * Where settings persist: electron-store in Electron (main/host), `conf` in the
 * web host and tests. read() returns whatever is stored, unvalidated, so the
 * settings service can repair garbage and tell the officer.
 */
export interface SettingsBackend {
  read(): unknown;
  write(value: Settings): void;
}
