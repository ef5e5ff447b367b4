/**
 * Settings persisted with electron-store in the Electron host, in
 * `<userData>/settings.json`: the same file, JSON Schema (derived from the zod
 * Settings schema) and repair behaviour as the conf backend the web host uses, so a
 * profile moves between hosts unchanged.
 */
import { join } from 'node:path';
import ElectronStore, { type Options } from 'electron-store';
import type { Settings } from '../../preload/contract/schemas/settings';
import type { SettingsBackend } from '../services/settings/backend';
import { settingsStoreSchema } from '../services/settings/json-schema';
import { schemaStoreBackend } from '../services/settings/schema-store-backend';

const SETTINGS_NAME = 'settings';

export function createElectronSettingsBackend(dir: string): SettingsBackend {
  return schemaStoreBackend(
    join(dir, `${SETTINGS_NAME}.json`),
    () => new ElectronStore<Settings>({ cwd: dir, name: SETTINGS_NAME, ...storeSchema(), clearInvalidConfig: false }),
  );
}

/** The shared schema, typed for electron-store: conf's typings describe a narrower JSON Schema than zod emits. */
function storeSchema(): Pick<Options<Settings>, 'schema' | 'rootSchema' | 'defaults'> {
  const { schema, rootSchema, defaults } = settingsStoreSchema();
  return { schema: schema as Options<Settings>['schema'], rootSchema: rootSchema as Options<Settings>['rootSchema'], defaults };
}
