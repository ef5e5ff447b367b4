import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf, { type Options } from 'conf';
import type { Settings } from '../../../preload/schemas/settings';
import type { SettingsBackend } from './backend';
import { settingsStoreSchema } from './json-schema';

const CONFIG_NAME = 'settings';

/**
 * Settings in `<dir>/settings.json` through `conf` (electron-store's engine),
 * validated by the same JSON schema electron-store uses in Electron.
 */
export function createConfSettingsBackend(dir: string): SettingsBackend {
  const file = join(dir, `${CONFIG_NAME}.json`);
  let conf: Conf<Settings> | null = null;

  // conf validates the file when it opens; an invalid file makes it throw, so open lazily.
  const open = (): Conf<Settings> => {
    const { schema, rootSchema, defaults } = settingsStoreSchema();
    conf ??= new Conf<Settings>({
      cwd: dir,
      configName: CONFIG_NAME,
      // Derived from the zod schema at run time, so the static JSON-schema types cannot follow.
      schema: schema as Options<Settings>['schema'],
      rootSchema: rootSchema as Options<Settings>['rootSchema'],
      defaults,
      clearInvalidConfig: false,
    });
    return conf;
  };

  return {
    read() {
      try {
        return open().store;
      } catch {
        // Hand the raw content to the settings service, which repairs it and reports it.
        return readRaw(file);
      }
    },
    write(value) {
      try {
        open();
      } catch {
        // The file on disk is invalid and is about to be replaced: keep it for diagnosis.
        if (existsSync(file)) renameSync(file, `${file}.invalid`);
      }
      open().store = value;
    },
  };
}

function readRaw(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
