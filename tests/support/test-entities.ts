/** The hub's entity schemas plus the probe entity the sync suites write (any scalar, any list item in notes and tags). */
import { z } from 'zod';
import { syncEntitySchemas, type SyncEntitySchemas } from '../../preload/contract/sync-entities';

export const testEntitySchemas: SyncEntitySchemas = {
  ...syncEntitySchemas,
  probe: { scalars: z.object({}).catchall(z.json()), lists: { notes: z.json(), tags: z.json() } },
};
