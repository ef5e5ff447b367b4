/**
 * Settings persisted with electron-store in the Electron host, in
 * `<userData>/settings.json`: the same file, JSON Schema (derived from the zod
 * Settings schema) and repair behaviour as the conf backend the web host uses, so a
 * profile moves between hosts unchanged.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore, { type Options } from 'electron-store';
import type { Settings } from '../../preload/schemas/settings';
import type { SettingsBackend } from '../services/settings/backend';
import { settingsStoreSchema } from '../services/settings/json-schema';

const SETTINGS_NAME = 'settings';

export function createElectronSettingsBackend(dir: string): SettingsBackend {
  const file = join(dir, `${SETTINGS_NAME}.json`);
  let store: ElectronStore<Settings> | null = null;

  // electron-store validates the file when it opens and throws on an invalid one; open
  // lazily so read() can still hand the raw content to the settings service to repair.
  const open = (): ElectronStore<Settings> => {
    store ??= new ElectronStore<Settings>({ cwd: dir, name: SETTINGS_NAME, ...storeSchema(), clearInvalidConfig: false });
    return store;
  };

  return {
    read() {
      try {
        return open().store;
      } catch {
        return readRaw(file);
      }
    },
    write(value) {
      try {
        open();
      } catch {
        // The invalid file is about to be replaced: keep it for diagnosis.
        if (existsSync(file)) renameSync(file, `${file}.invalid`);
      }
      open().store = value;
    },
  };
}

/** The shared schema, typed for electron-store: conf's typings describe a narrower JSON Schema than zod emits. */
function storeSchema(): Pick<Options<Settings>, 'schema' | 'rootSchema' | 'defaults'> {
  const { schema, rootSchema, defaults } = settingsStoreSchema();
  return { schema: schema as Options<Settings>['schema'], rootSchema: rootSchema as Options<Settings>['rootSchema'], defaults };
}

function readRaw(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
