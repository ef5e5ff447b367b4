import { describe, expect, it } from 'vitest';
import type { User } from '../../../preload/schemas/auth';
import { ServiceError } from '../../../main/services/errors';
import { createQueueHandlers } from '../../../main/services/queue/queue-handlers';
import type { QueueService } from '../../../main/services/queue/queue-service';

const user: User = {
  id: 'u1',
  username: 'officer.li',
  displayName: 'Li Wei',
  role: 'officer',
  active: true,
  createdAt: '2026-11-25T08:00:00.000Z',
  lastLoginAt: null,
};

describe('import by path', () => {
  it('is refused in the web host, where a page could name any file on the machine', async () => {
    let read = false;
    const queue = { importPaths: async () => ((read = true), { files: [], imported: 0, rejected: 0 }) } as unknown as QueueService;
    const handlers = createQueueHandlers(queue, () => user, 'web');
    const error = await handlers['cw:declarations.import']({ paths: ['/etc/passwd'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('FAILED_PRECONDITION');
    expect(read).toBe(false);
  });

  it('goes to the queue in the Electron host', async () => {
    const queue = { importPaths: async (paths: string[]) => ({ files: [], imported: paths.length, rejected: 0 }) } as unknown as QueueService;
    const handlers = createQueueHandlers(queue, () => user, 'electron');
    expect(await handlers['cw:declarations.import']({ paths: ['/data/a.edi'] })).toMatchObject({ imported: 1 });
  });
});
