/** createServices() as a host builds it, over a fresh data folder: cheap scrypt, a manual clock, no hub. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type CreateServicesOptions, type Services } from '../../../main/services';
import type { ChannelName, ChannelOutput } from '../../../preload/contract';
import { createDispatcher } from '../../../main/host/dispatch';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import type { ServiceHost } from '../../../main/services/handlers';
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

/**
 * Calls a channel the way a host does, through the one dispatcher (access, input,
 * handler, output), and turns a failure envelope back into a ServiceError.
 */
export async function callChannel<C extends ChannelName>(
  services: ServiceHost,
  channel: C,
  input?: unknown,
): Promise<ChannelOutput<C>> {
  const envelope = await createDispatcher(services, (error) => {
    throw error;
  })(channel, input);
  if (envelope.ok) return envelope.value as ChannelOutput<C>;
  throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.issues);
}
