import { ManualClock } from '../../main/services/clock';
import { openWorkstation } from './sync-harness';

/**
 * Child process for the sync crash test: a workstation that makes mutations and
 * syncs them in a loop until SIGKILLed. It prints `made <mutation id>` only after
 * the local commit resolved, `syncing` as a round starts and `synced <pending>` after it finished.
 * argv: <data dir> <hub url> <device token>
 */
const [dir, url, token] = process.argv.slice(2);
if (!dir || !url || !token) throw new Error('usage: sync-crash-child <dir> <hub url> <token>');

async function main(): Promise<void> {
  const clock = new ManualClock();
  const ws = await openWorkstation('crash', dir as string, clock, {
    hub: () => ({ url: url as string, token: token as string }),
    pushBatch: 50,
    pullPage: 100,
  });
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      const entityId = `case-${Math.floor(Math.random() * 20)}`;
      if (Math.random() < 0.6)
        await ws.mutate({ entityId, op: 'upsert', fields: { status: `s${Math.floor(Math.random() * 9)}` } });
      else
        await ws.mutate({
          entityId,
          op: 'append',
          fields: { notes: [{ id: `n-${round}-${i}-${Math.random().toString(36).slice(2)}` }] },
        });
      const [row] = await ws.store.query<{ n: number }>('SELECT next_mutation_id - 1 AS n FROM sync_state');
      process.stdout.write(`made ${row?.n ?? 0}\n`);
    }
    process.stdout.write('syncing\n');
    await ws.engine.syncOnce();
    process.stdout.write(`synced ${(await ws.engine.status()).pending}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sync-crash-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
