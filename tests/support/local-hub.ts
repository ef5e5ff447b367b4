/** What the hub-backed sync suites run against: a throwaway PostgreSQL cluster, the hub on a loopback port, a scratch folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../hub/src/server';
import { startPostgres, type PostgresCluster } from './postgres';
import { testEntitySchemas } from './test-entities';

export interface LocalHub {
  cluster: PostgresCluster;
  hub: Hub;
  /** The hub's base URL. */
  url: string;
  /** A scratch folder for the workstations' data, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

export async function startLocalHub(prefix: string): Promise<LocalHub> {
  const cluster = await startPostgres({ fsync: false });
  let hub: Hub | undefined;
  try {
    hub = await createHub({ databaseUrl: cluster.url, entities: testEntitySchemas });
    const url = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    const started = hub;
    return {
      cluster,
      hub: started,
      url,
      dir,
      stop: async () => {
        await started.close();
        await cluster.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await hub?.close();
    await cluster.stop();
    throw error;
  }
}
