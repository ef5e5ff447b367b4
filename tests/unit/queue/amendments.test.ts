import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCusdecInterchange } from '../../../main/services/declarations/cusdec/write-cusdec';
import { writeWcoDocument } from '../../../main/services/declarations/wco/write-wco-xml';
import { declarationDiff } from '../../../main/services/queue/declaration-diff';
import { contentHash } from '../../../main/services/queue/declaration-versions';
import { postReleaseAmendments, reviewAmendment } from '../../../main/services/queue/post-clearance-review';
import { declarationDetail } from '../../../main/services/queue/declaration-detail';
import type { Declaration, MessageFunction } from '../../../preload/contract/schemas/declarations';
import { declaration, OFFICER, setup, SUPERVISOR, type Fixture } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
});
afterEach(async () => f.close());

/** A message for `number` with this function; `hs` changes its content (and with 293941, its lane to red). */
function message(number: string, fn: MessageFunction, o: { hs?: string; description?: string } = {}): Declaration {
  const d = declaration(number, { hs: o.hs ?? '850440' });
  if (o.description) d.goodsItems[0]!.description = o.description;
  return fn === '9' ? d : { ...d, functionCode: fn };
}

async function send(name: string, ...messages: Declaration[]) {
  const body = JSON.stringify(messages.map(({ totals: _t, ...rest }) => rest));
  return f.queue.importOne({ name, bytes: new TextEncoder().encode(body) }, OFFICER);
}

async function row(number: string) {
  const [r] = await f.store.query('SELECT * FROM declaration_queue WHERE number = ?', [number]);
  return r!;
}

async function versions(number: string) {
  return f.store.query(
    'SELECT version, function_code, outcome, duplicates FROM declaration_versions WHERE number = ? ORDER BY version',
    [number],
  );
}

async function storedHs(number: string) {
  const [r] = await f.store.query<{ body: string }>('SELECT body FROM declarations WHERE number = ?', [number]);
  return (JSON.parse(r!.body) as Declaration).goodsItems[0]!.hsCode;
}

type Before = 'pending' | 'assigned' | 'held' | 'released' | 'cancelled';

/** A declaration brought to `state`, from an original on the green lane. */
async function bring(number: string, state: Before) {
  await send('original.json', message(number, '9'));
  if (state === 'assigned') await f.queue.actions.assign(OFFICER, [number], 'me');
  if (state === 'held') await f.queue.actions.decide(OFFICER, [number], 'hold', 'waiting for the permit');
  if (state === 'released') await f.queue.actions.decide(OFFICER, [number], 'release', 'documents in order');
  if (state === 'cancelled') await send('cancel.json', message(number, '1'));
}

const FUNCTIONS: MessageFunction[] = ['9', '5', '4', '1'];
const STATES: Before[] = ['pending', 'assigned', 'held', 'released', 'cancelled'];

describe('each message function against each status', () => {
  for (const state of STATES)
    for (const fn of FUNCTIONS) {
      it(`function ${fn} on a ${state} declaration`, async () => {
        const n = `M-${state}-${fn}`;
        await bring(n, state);
        const before = await row(n);
        const result = await send('next.json', message(n, fn, { hs: '293941' }));
        const after = await row(n);
        const stored = await versions(n);
        if (state === 'cancelled') {
          // Nothing is added to a withdrawn declaration.
          expect(result).toMatchObject({ imported: 0, rejected: 1 });
          expect(result.rejects[0]!.reason).toMatch(/was cancelled .*new number/);
          expect(after).toEqual(before);
          expect(stored).toHaveLength(2);
        } else if (state === 'released' && fn === '1') {
          expect(result).toMatchObject({ imported: 0, rejected: 1 });
          expect(result.rejects[0]!.reason).toMatch(/cancellation of .* refused: it was released .* release is final/);
          expect(after).toEqual(before);
          expect(stored).toHaveLength(1);
        } else if (state === 'released') {
          // Kept for post-clearance review; the release, its lane and the released content stand.
          expect(result).toMatchObject({ imported: 1, amended: 1, rejected: 0 });
          expect(after).toEqual(before);
          expect(await storedHs(n)).toBe('850440');
          expect(stored.at(-1)).toMatchObject({ version: 2, function_code: fn, outcome: 'postRelease' });
          expect((await postReleaseAmendments(f.store, false)).map((a) => a.number)).toContain(n);
          expect(
            await f.store.query("SELECT action FROM audit WHERE subject = ? AND action = 'declaration.amendAfterRelease'", [n]),
          ).toHaveLength(1);
        } else if (fn === '1') {
          expect(result).toMatchObject({ imported: 1, cancelled: 1 });
          expect(after).toMatchObject({ status: 'cancelled', assignee_id: before.assignee_id, lane: before.lane });
          expect(stored.at(-1)).toMatchObject({ version: 2, function_code: '1', outcome: 'cancellation' });
          const audit = await f.store.query("SELECT detail FROM audit WHERE subject = ? AND action = 'declaration.cancel'", [n]);
          expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({
            from: before.status,
            version: 2,
            function: 'cancellation',
          });
        } else {
          // Re-assessed: content, lane and hits follow the new version; status and assignee stay.
          expect(result).toMatchObject({ imported: 1, amended: 1 });
          expect(after).toMatchObject({
            status: before.status,
            assignee_id: before.assignee_id,
            lane: 'red',
            engine_lane: 'red',
          });
          expect(await storedHs(n)).toBe('293941');
          expect(stored.at(-1)).toMatchObject({ version: 2, function_code: fn, outcome: 'reassessed' });
        }
      });
    }

  it('a cancellation of a number never received is refused, and an amendment of one is its first version', async () => {
    const refused = await send('c.json', message('NEW-C', '1'));
    expect(refused.rejects[0]!.reason).toMatch(/has not received that declaration/);
    expect(await versions('NEW-C')).toEqual([]);
    await send('a.json', message('NEW-A', '4'));
    expect(await versions('NEW-A')).toMatchObject([{ version: 1, function_code: '4', outcome: 'original' }]);
    expect(await row('NEW-A')).toMatchObject({ status: 'pending' });
  });

  it('a cancelled declaration takes no decision and no re-route', async () => {
    await bring('GONE', 'cancelled');
    const out = await f.queue.actions.decide(OFFICER, ['GONE'], 'release', 'documents in order');
    expect(out.failed[0]!.message).toMatch(/cancelled by the declarant/);
    await expect(f.queue.actions.reroute(SUPERVISOR, 'GONE', 'red', 'new intelligence')).rejects.toThrow(/cancelled/);
  });
});

describe('decisions survive amendments', () => {
  it('a re-route stands: the lane never goes below it, the note says the declaration changed', async () => {
    await send('o.json', message('RR', '9'));
    await f.queue.actions.assign(OFFICER, ['RR'], 'me');
    await f.queue.actions.reroute(SUPERVISOR, 'RR', 'yellow', 'new intelligence on the trader');
    await send('a.json', message('RR', '5', { description: 'Transformers, amended' }));
    expect(await row('RR')).toMatchObject({
      lane: 'yellow',
      engine_lane: 'green',
      manual_lane: 'yellow',
      assignee_id: OFFICER.id,
    });
    const detail = await declarationDetail(f.store, f.queue.declarations, 'RR');
    expect(detail).toMatchObject({ manualLane: 'yellow', changedSinceManualLane: true });
    expect(detail.versions[0]!.changes).toEqual([
      { path: 'goodsItems[1].description', before: 'Goods', after: 'Transformers, amended' },
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'amended', version: 2, fromLane: 'yellow', toLane: 'yellow' });
    // An engine lane above the manual one still counts.
    await send('b.json', message('RR', '4', { hs: '293941' }));
    expect(await row('RR')).toMatchObject({ lane: 'red', manual_lane: 'yellow' });
  });

  it('a release stands: status, release time, responses and released content are untouched; the review is audited', async () => {
    await send('o.json', message('REL', '9'));
    await f.queue.actions.decide(OFFICER, ['REL'], 'release', 'documents in order');
    const released = await row('REL');
    const responses = await f.store.query("SELECT id FROM declaration_responses WHERE number = 'REL'");
    await send('a.json', message('REL', '4', { hs: '293941' }));
    expect(await row('REL')).toEqual(released);
    expect(await f.store.query("SELECT id FROM declaration_responses WHERE number = 'REL'")).toEqual(responses);
    const [waiting] = await postReleaseAmendments(f.store, false);
    expect(waiting).toMatchObject({ number: 'REL', version: 2, review: null });
    expect(waiting!.changes).toContainEqual({ path: 'goodsItems[1].hsCode', before: '850440', after: '293941' });
    const reviewed = await reviewAmendment(f.store, f.clock, SUPERVISOR, {
      id: 'REL',
      version: 2,
      note: 'Refer to post-clearance audit',
    });
    expect(reviewed.review).toMatchObject({ by: SUPERVISOR.displayName, note: 'Refer to post-clearance audit' });
    expect(await postReleaseAmendments(f.store, false)).toEqual([]);
    expect(await postReleaseAmendments(f.store, true)).toHaveLength(1);
    const audit = await f.store.query(
      "SELECT actor_id FROM audit WHERE action = 'declaration.reviewAmendment' AND subject = 'REL'",
    );
    expect(audit).toEqual([{ actor_id: SUPERVISOR.id }]);
    await expect(
      reviewAmendment(f.store, f.clock, SUPERVISOR, { id: 'REL', version: 2, note: 'Refer to post-clearance audit' }),
    ).rejects.toThrow(/already reviewed/);
    await expect(
      reviewAmendment(f.store, f.clock, SUPERVISOR, { id: 'REL', version: 1, note: 'not post release' }),
    ).rejects.toThrow(/only post-release amendments/);
    expect(await row('REL')).toEqual(released);
  });
});

describe('duplicates and message functions', () => {
  it('a version received again is counted, not stored twice, in another file or the same one', async () => {
    const first = await send('o.json', message('DUP', '9'), message('DUP', '9'));
    expect(first).toMatchObject({ imported: 1, duplicates: 1 });
    const again = await send('o2.json', message('DUP', '9'));
    expect(again).toMatchObject({ imported: 0, duplicates: 1, rejected: 0 });
    expect(await versions('DUP')).toEqual([{ version: 1, function_code: '9', outcome: 'original', duplicates: 2 }]);
    const audit = await f.store.query("SELECT detail FROM audit WHERE action = 'declarations.import' AND subject = 'o2.json'");
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ duplicates: 1, imported: 0 });
  });

  it('one file with an original, an amendment and a cancellation applies them in order', async () => {
    const result = await send(
      'all.json',
      message('SEQ', '9'),
      message('SEQ', '4', { hs: '293941' }),
      message('SEQ', '1', { hs: '293941' }),
    );
    expect(result).toMatchObject({ imported: 3, amended: 1, cancelled: 1 });
    expect((await versions('SEQ')).map((v) => v.outcome)).toEqual(['original', 'reassessed', 'cancellation']);
    expect(await row('SEQ')).toMatchObject({ status: 'cancelled', lane: 'red' });
  });

  it('reads the function from CUSDEC BGM 1225 and WCO DM FunctionCode', async () => {
    const edi = writeCusdecInterchange([message('EDI-1', '9'), message('EDI-1', '5', { hs: '293941' })], {
      sender: 'BROKER',
      recipient: 'CUSTOMS',
      controlRef: '7',
      preparedAt: '2026-03-02T07:00:00.000Z',
    });
    expect(edi).toMatch(/BGM\+929\+EDI-1\+5'/);
    await f.queue.importOne({ name: 'amend.edi', bytes: new TextEncoder().encode(edi) }, OFFICER);
    expect((await versions('EDI-1')).map((v) => v.function_code)).toEqual(['9', '5']);
    const xml = writeWcoDocument([message('XML-1', '9')]);
    await f.queue.importOne({ name: 'o.xml', bytes: new TextEncoder().encode(xml) }, OFFICER);
    const cancel = writeWcoDocument([message('XML-1', '1')]);
    expect(cancel).toContain('<FunctionCode>1</FunctionCode>');
    const result = await f.queue.importOne({ name: 'c.xml', bytes: new TextEncoder().encode(cancel) }, OFFICER);
    expect(result).toMatchObject({ cancelled: 1 });
    expect(await row('XML-1')).toMatchObject({ status: 'cancelled' });
  });

  it('refuses a message function Clearway does not act on, naming it', async () => {
    const body = JSON.stringify([{ ...message('BAD-FN', '9'), functionCode: '3' }]);
    const result = await f.queue.importOne({ name: 'bad.json', bytes: new TextEncoder().encode(body) }, OFFICER);
    expect(result.rejected).toBe(1);
    expect(result.rejects[0]!.reason).toMatch(/functionCode.*message function/);
  });

  it('hashes content, not key order, and tells originals from other functions', () => {
    const d = message('H', '9');
    const reordered = Object.fromEntries(Object.entries(d).reverse()) as Declaration;
    expect(contentHash(reordered)).toBe(contentHash(d));
    expect(contentHash({ ...d, functionCode: '9' })).toBe(contentHash(d));
    expect(contentHash(message('H', '5'))).not.toBe(contentHash(d));
  });

  it('diffs goods items by sequence and lists added and removed fields', () => {
    const a = message('D', '9');
    const b: Declaration = {
      ...a,
      goodsItems: [{ ...a.goodsItems[0]!, sequence: 2 }],
      containers: [{ id: 'MSCU1234566' }],
    };
    const changes = declarationDiff(a, b);
    expect(changes).toContainEqual({ path: 'goodsItems[2].hsCode', before: null, after: '850440' });
    expect(changes).toContainEqual({ path: 'goodsItems[1].hsCode', before: '850440', after: null });
    expect(changes).toContainEqual({ path: 'containers[MSCU1234566].id', before: null, after: 'MSCU1234566' });
    expect(declarationDiff(a, { ...a, functionCode: '4' })).toEqual([]);
  });
});

describe('no sequence of imports clears a release (property)', () => {
  it('originals, amendments, cancellations and duplicates in any order leave a release as it was', async () => {
    const op = fc.record({
      number: fc.constantFrom('P-1', 'P-2'),
      fn: fc.constantFrom<MessageFunction>('9', '5', '4', '1'),
      hs: fc.constantFrom('850440', '293941', '080510'),
      release: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        const released = new Map<string, Record<string, unknown>>();
        for (const o of ops) {
          const n = `${o.number}-${run}`;
          await send(`${run}.json`, message(n, o.fn, { hs: o.hs }));
          if (o.release) {
            const [r] = await f.store.query('SELECT status, lane, inspection_at FROM declaration_queue WHERE number = ?', [n]);
            if (r && r.status !== 'released' && r.status !== 'cancelled') {
              if (r.lane === 'red') await f.queue.actions.decide(OFFICER, [n], 'sendToInspection', 'physical examination');
              await f.queue.actions.decide(OFFICER, [n], 'release', 'documents in order');
            }
          }
          for (const number of [`P-1-${run}`, `P-2-${run}`]) {
            const [r] = await f.store.query('SELECT * FROM declaration_queue WHERE number = ?', [number]);
            const [body] = await f.store.query('SELECT body FROM declarations WHERE number = ?', [number]);
            const snapshot = { ...r, body: body?.body };
            const held = released.get(number);
            if (held) expect(snapshot).toEqual(held);
            else if (r?.status === 'released') released.set(number, snapshot);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
