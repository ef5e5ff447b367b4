import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/services/core';
import { ServiceError } from '../../../main/services/errors';
import type { Logger } from '../../../main/services/logging/logger';
import { createQueueArea } from '../../../main/services/queue/queue-handlers';
import { testUser } from '../../support/users';
import { setup } from './fixtures';

const user = testUser('officer');

async function importByPath(host: 'web' | 'electron', path: string): Promise<unknown> {
  const f = await setup();
  try {
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
    const core: Parameters<typeof createQueueArea>[0] = {
      store: f.store,
      clock: f.clock,
      dataDir: f.dataDir,
      mode: 'live',
      logger: silent,
      emit: () => undefined,
      me: () => user,
      identity: { version: 'test', host, mode: 'live' } satisfies Core['identity'],
    };
    const area = createQueueArea(core, { risk: f.risk });
    return await area.handlers['cw:queue.import']({ paths: [path] }).catch((e: unknown) => e);
  } finally {
    await f.close();
  }
}

describe('import by path', () => {
  it('is refused in the web host, where a page could name any file on the machine', async () => {
    const error = await importByPath('web', '/etc/passwd');
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('FAILED_PRECONDITION');
  });

  it('goes to the queue in the Electron host', async () => {
    const error = await importByPath('electron', '/nonexistent/clearway/a.edi');
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('NOT_FOUND');
    expect((error as ServiceError).message).toContain('/nonexistent/clearway/a.edi');
  });
});
