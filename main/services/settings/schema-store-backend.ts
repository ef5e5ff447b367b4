import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Settings } from '../../../preload/contract/schemas/settings';
import type { SettingsBackend } from './backend';

/** What conf and electron-store have in common: the whole validated object. */
export interface SchemaStore {
  store: Settings;
}

/**
 * A settings backend over a schema-validating store (conf or electron-store) kept
 * in `file`. Both validate the file when they open and throw on an invalid one, so
 * the store opens lazily: read() can still hand the raw content to the settings
 * service, which repairs it and tells the officer, and write() keeps the invalid
 * file beside the new one for diagnosis.
 */
export function schemaStoreBackend(file: string, open: () => SchemaStore): SettingsBackend {
  let store: SchemaStore | null = null;
  const opened = (): SchemaStore => (store ??= open());
  return {
    read() {
      try {
        return opened().store;
      } catch {
        return readRaw(file);
      }
    },
    write(value) {
      try {
        opened();
      } catch {
        if (existsSync(file)) renameSync(file, `${file}.invalid`);
      }
      opened().store = value;
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
