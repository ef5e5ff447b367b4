/** createServices() as a host builds it, over a fresh data folder: cheap scrypt, a manual clock, no hub. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type CreateServicesOptions, type Services } from '../../../main/services';
import { ManualClock } from '../../../main/services/clock';
import { createConfSettingsBackend } from '../../../main/services/settings/conf-backend';
import { TEST_SCRYPT } from './fixtures';

export interface TempServices {
  services: Services;
  dataDir: string;
  clock: ManualClock;
  /** Closes the services, then removes the data folder (unless the caller gave its own). */
  cleanup: () => Promise<void>;
}

export async function startTempServices(prefix: string, options: Partial<CreateServicesOptions> = {}): Promise<TempServices> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `${prefix}-`));
  const clock = new ManualClock('2026-03-02T08:30:00.000Z');
  let services: Services;
  try {
    services = await createServices({
      dataDir,
      host: 'web',
      version: '0.1.0-test',
      settingsBackend: createConfSettingsBackend(join(dataDir, 'settings')),
      clock,
      testing: { scryptParams: TEST_SCRYPT, probeHub: async () => false },
      ...options,
    });
  } catch (error) {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const cleanup = async () => {
    await services.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { services, dataDir, clock, cleanup };
}
