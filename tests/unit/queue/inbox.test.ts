import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declaration, setup, type Fixture } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup({ watchInbox: true });
});
afterEach(async () => f.close());

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the inbox');
    await new Promise((r) => setTimeout(r, 25));
  }
  await f.queue.inbox!.idle();
}

describe('inbox watcher', () => {
  it('imports a dropped file once it is complete and moves it to processed/', async () => {
    const inbox = join(f.dataDir, 'inbox');
    // A half-written file is ignored until renamed.
    await writeFile(join(inbox, 'drop.json.part'), JSON.stringify([declaration('IN-1', { hs: '293941' })]));
    await writeFile(join(inbox, 'drop.json'), JSON.stringify([declaration('IN-1', { hs: '293941' }), declaration('IN-2')]));
    await until(async () => (await readdir(join(inbox, 'processed'))).length === 1);
    expect(await readdir(join(inbox, 'processed'))).toEqual(['20260302T080000Z_drop.json']);
    expect(existsSync(join(inbox, 'drop.json'))).toBe(false);
    expect(existsSync(join(inbox, 'drop.json.part'))).toBe(true);
    expect(await f.store.query('SELECT number, lane FROM declaration_queue ORDER BY number')).toEqual([
      { number: 'IN-1', lane: 'red' },
      { number: 'IN-2', lane: 'green' },
    ]);
    expect(await f.store.query("SELECT actor_name, subject FROM audit WHERE action = 'declarations.import'")).toEqual([
      { actor_name: 'Clearway inbox', subject: 'drop.json' },
    ]);
  });

  it('moves a bad file to rejected/ with the error beside it', async () => {
    const inbox = join(f.dataDir, 'inbox');
    await writeFile(
      join(inbox, 'bad.xml'),
      '<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>X</FunctionalReferenceID>',
    );
    await until(async () => (await readdir(join(inbox, 'rejected'))).length === 2);
    expect((await readdir(join(inbox, 'rejected'))).sort()).toEqual([
      '20260302T080000Z_bad.xml',
      '20260302T080000Z_bad.xml.error.txt',
    ]);
    const error = await readFile(join(inbox, 'rejected', '20260302T080000Z_bad.xml.error.txt'), 'utf8');
    expect(error).toMatch(/^bad\.xml.*: .+/);
    expect(await f.store.query('SELECT COUNT(*) AS n FROM declaration_queue')).toEqual([{ n: 0 }]);
    expect(await f.queue.declarations.listRejectsPage(10, 0)).toMatchObject([{ file: 'bad.xml', format: 'wco-xml' }]);
  });

  it('imports files that were already waiting when it started', async () => {
    await f.queue.stop();
    await writeFile(join(f.dataDir, 'inbox', 'early.json'), JSON.stringify(declaration('EARLY')));
    const again = await setupWithDir(f);
    await until(async () => (await again.store.query('SELECT number FROM declaration_queue')).length === 1);
  });
});

/** A second service over the same store and folders, as after a restart. */
async function setupWithDir(fixture: Fixture) {
  const { QueueService } = await import('../../../main/services/queue/queue-service');
  const queue = new QueueService({
    store: fixture.store,
    clock: fixture.clock,
    dataDir: fixture.dataDir,
    timeZone: 'UTC',
    risk: fixture.risk,
    emitChanged: () => {},
    emitProgress: () => {},
    log: { info: () => {}, warn: () => {}, error: () => {} },
    inboxStableMs: 40,
  });
  await queue.start();
  fixture.queue = queue;
  return { store: fixture.store };
}
