import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCusdecInterchange } from '../../../main/services/declarations/cusdec/write-cusdec';
import { addDeclarations, declaration, OFFICER, setup, type Fixture } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
});
afterEach(async () => f.close());

async function queueRow(number: string) {
  const [row] = await f.store.query('SELECT * FROM declaration_queue WHERE number = ?', [number]);
  return row!;
}

describe('import assigns lanes and stores hits', () => {
  it('stores each declaration with its assessment, SLA and TRS timestamps in the queue', async () => {
    const path = join(f.dataDir, 'batch.json');
    await writeFile(
      path,
      JSON.stringify([
        declaration('D-RED', { hs: '293941' }),
        declaration('D-YEL', { hs: '080510', perishable: true }),
        declaration('D-GRN'),
      ]),
    );
    const out = await f.queue.importPaths([path], OFFICER);
    expect(out).toMatchObject({ imported: 3, rejected: 0 });
    expect(out.files[0]).toMatchObject({ file: 'batch.json', format: 'json', numbers: ['D-RED', 'D-YEL', 'D-GRN'] });

    const red = await queueRow('D-RED');
    expect(red).toMatchObject({
      lane: 'red',
      engine_lane: 'red',
      score: 90,
      status: 'pending',
      risk_assessed_at: '2026-03-02T08:00:00.000Z',
    });
    expect(JSON.parse(String(red.hits_json))).toMatchObject([
      { kind: 'rule', ruleId: 'alkaloids', matches: [{ field: 'hsCode', actual: '293941', itemSequence: 1 }] },
    ]);
    // Red: 8 h from arrival (07:30, after lodgement at 07:00).
    expect(red.sla_due_at).toBe('2026-03-02T15:30:00.000Z');
    // Yellow perishable: 4 h halved.
    expect(await queueRow('D-YEL')).toMatchObject({ lane: 'yellow', priority: 1, sla_due_at: '2026-03-02T09:30:00.000Z' });
    expect(await queueRow('D-GRN')).toMatchObject({
      lane: 'green',
      score: 0,
      hits_json: '[]',
      sla_due_at: '2026-03-02T08:00:00.000Z',
    });
    expect(f.changed).toContainEqual({ ids: 'all' });
    expect(f.progress.at(-1)).toMatchObject({ file: 'batch.json', imported: 3, rejected: 0 });
    const audit = await f.store.query("SELECT actor_id, subject, detail FROM audit WHERE action = 'declarations.import'");
    expect(audit).toMatchObject([{ actor_id: OFFICER.id, subject: 'batch.json' }]);
  });

  it('imports a CUSDEC interchange and lists its bad message as a reject, keeping the good ones', async () => {
    const text = writeCusdecInterchange([declaration('C-1', { hs: '293941' }), declaration('C-2'), declaration('C-3')], {
      sender: 'BROKER',
      recipient: 'CUSTOMS',
      controlRef: '1',
      preparedAt: '2026-03-02T07:00:00.000Z',
    });
    // Break the second message's HS code.
    const broken = text.replace(/(UNH\+2\+[\s\S]*?CST\+1\+)850440/, '$1ABCDEF');
    expect(broken).not.toBe(text);
    const result = await f.queue.importOne({ name: 'inter.edi', bytes: new TextEncoder().encode(broken) }, OFFICER);
    expect(result).toMatchObject({ format: 'cusdec', imported: 2, rejected: 1, numbers: ['C-1', 'C-3'] });
    expect(result.rejects[0]).toMatchObject({ file: 'inter.edi', messageRef: '2' });
    expect((await queueRow('C-1')).lane).toBe('red');
    expect(await f.store.query("SELECT number FROM declaration_queue WHERE number = 'C-2'")).toEqual([]);
    const rejects = await f.queue.declarations.listRejectsPage(10, 0);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.reason).toMatch(/HS|hs/);
  });

  it('a re-lodged number is a new version: re-assessed, its status kept', async () => {
    await addDeclarations(f, [declaration('AMEND')]);
    await f.queue.actions.decide(OFFICER, ['AMEND'], 'hold', 'waiting for the permit');
    await addDeclarations(f, [declaration('AMEND', { hs: '293941' })]);
    expect(await queueRow('AMEND')).toMatchObject({ status: 'held', lane: 'red' });
    expect(await f.store.query("SELECT hit_key FROM declaration_hit_keys WHERE number = 'AMEND'")).toEqual([
      { hit_key: 'rule:alkaloids' },
    ]);
    expect(
      await f.store.query("SELECT version, outcome FROM declaration_versions WHERE number = 'AMEND' ORDER BY version"),
    ).toEqual([
      { version: 1, outcome: 'original' },
      { version: 2, outcome: 'reassessed' },
    ]);
  });
});
