import { join } from 'node:path';
import Conf, { type Options } from 'conf';
import type { Settings } from '../../../preload/contract/schemas/settings';
import type { SettingsBackend } from './backend';
import { settingsStoreSchema } from './json-schema';
import { schemaStoreBackend } from './schema-store-backend';

const CONFIG_NAME = 'settings';

/**
 * Settings in `<dir>/settings.json` through `conf` (electron-store's engine),
 * validated by the same JSON schema electron-store uses in Electron.
 */
export function createConfSettingsBackend(dir: string): SettingsBackend {
  return schemaStoreBackend(join(dir, `${CONFIG_NAME}.json`), () => {
    const { schema, rootSchema, defaults } = settingsStoreSchema();
    return new Conf<Settings>({
      cwd: dir,
      configName: CONFIG_NAME,
      // Derived from the zod schema at run time, so the static JSON-schema types cannot follow.
      schema: schema as Options<Settings>['schema'],
      rootSchema: rootSchema as Options<Settings>['rootSchema'],
      defaults,
      clearInvalidConfig: false,
    });
  });
}
