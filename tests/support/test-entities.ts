/** The hub's entity schemas plus the test entities the sync suites write (probe: any scalar, any item in notes and tags). */
import { z } from 'zod';
import { syncEntitySchemas, type SyncEntitySchemas } from '../../preload/contract/sync-entities';

export const testEntitySchemas: SyncEntitySchemas = {
  ...syncEntitySchemas,
  probe: { scalars: z.object({}).catchall(z.json()), lists: { notes: z.json(), tags: z.json() } },
  exhibit: { scalars: z.object({}).catchall(z.json()), lists: { files: z.object({ id: z.string(), sha256: z.string() }) } },
};
