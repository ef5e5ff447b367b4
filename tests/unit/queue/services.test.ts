/**
 * The queue through createServices and the real store: demo seeding, every
 * queue and risk channel reached with outputs matching the contract, access
 * and input checks applied by the dispatcher, events emitted.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelName, type EventName } from '../../../preload/contract';
import type { QueueListOutput } from '../../../preload/contract/schemas/queue';
import type { Services } from '../../../main/services';
import { DEMO_PASSWORD } from '../../../main/services/demo/seed';
import { ServiceError } from '../../../main/services/errors';
import { declaration } from './fixtures';
import { callChannel, startTempServices } from '../services/temp-services';

let services: Services;
let dataDir: string;
let cleanup: () => Promise<void>;
const events: { event: EventName; payload: unknown }[] = [];
const reached = new Set<ChannelName>();

async function ok<C extends ChannelName>(channel: C, input?: unknown) {
  const value = await callChannel(services, channel, input);
  reached.add(channel);
  expect(channels[channel].output.safeParse(value).success, `${channel} output matches the contract`).toBe(true);
  return value as Awaited<ReturnType<Services['handlers'][C]>>;
}
const codeOf = (channel: ChannelName, input?: unknown) =>
  callChannel(services, channel, input).then(
    () => 'ok',
    (e: unknown) => (e instanceof ServiceError ? e.code : `thrown: ${String(e)}`),
  );

/** What the injected file dialog returns next (as Electron's would after the officer picks). */
const picked: string[][] = [];
const dialogRequests: { title: string; extensions: readonly string[] }[] = [];

beforeAll(async () => {
  ({ services, dataDir, cleanup } = await startTempServices('cw-queue-services', {
    host: 'electron',
    pickFiles: async (request) => {
      dialogRequests.push(request);
      return picked.shift() ?? [];
    },
  }));
  services.onEvent((event, payload) => events.push({ event, payload }));
  await ok('cw:auth.setup', {
    username: 'supervisor.zhou',
    displayName: 'Zhou Qiang',
    password: 'correct horse battery',
    office: 'Gate 3',
    demo: true,
  });
}, 120_000);
afterAll(async () => {
  await cleanup();
});

describe('the queue in createServices', { timeout: 120_000 }, () => {
  it('seeds demo declarations with the starter risk configuration and some history', async () => {
    expect(existsSync(join(dataDir, 'inbox', 'processed'))).toBe(true);
    const page: QueueListOutput = await ok('cw:queue.list', { limit: 50 });
    expect(page.total).toBe(400);
    expect(page.rows).toHaveLength(50);
    // Priority first: every flagged row comes before every unflagged one.
    const flagged = page.rows.map((r) => r.perishable || r.expedited);
    expect(flagged.indexOf(false) === -1 || flagged.lastIndexOf(true) < flagged.indexOf(false)).toBe(true);
    const lanes = new Set((await ok('cw:queue.list', { limit: 400 })).rows.map((r) => r.lane));
    expect(lanes.size).toBeGreaterThanOrEqual(3);
    const config = await ok('cw:risk.config');
    expect(config.rules.length).toBeGreaterThan(10);
    const dashboard = await ok('cw:queue.dashboard', { days: 3 });
    expect(dashboard.overall.released).toBeGreaterThan(0);
  });

  it('decides through the guarded handlers and tells the UI', async () => {
    const [row] = (await ok('cw:queue.list', { filter: { lanes: ['green'], statuses: ['pending'] }, limit: 1 })).rows;
    expect(await codeOf('cw:queue.decide', { ids: [row!.number], decision: 'release', reason: 'ok' })).toBe('INVALID_ARGUMENT');
    const out = await ok('cw:queue.decide', { ids: [row!.number], decision: 'release', reason: 'documents in order' });
    expect(out.decided).toEqual([{ number: row!.number, status: 'released' }]);
    expect(events).toContainEqual({ event: 'cw:queue.changed', payload: { ids: [row!.number] } });
    const detail = await ok('cw:queue.get', { id: row!.number });
    expect(detail.responses.map((r) => r.kind)).toEqual(['cusres', 'wco-xml']);
    expect((await readdir(join(dataDir, 'outbox'))).length).toBe(2);
    expect(await codeOf('cw:queue.get', { id: 'NO-SUCH' })).toBe('NOT_FOUND');
    await ok('cw:queue.assign', { ids: [row!.number], to: 'me' });
    const [other] = (await ok('cw:queue.list', { filter: { statuses: ['pending'] }, limit: 1 })).rows;
    expect((await ok('cw:queue.reroute', { id: other!.number, lane: 'red', reason: 'intelligence tip-off' })).lane).toBe('red');
    expect(await codeOf('cw:queue.review', { id: row!.number, version: 1, note: 'nothing to review' })).toBe('NOT_FOUND');
  });

  it('imports what is picked in the host file dialog and by chunked upload, lists rejects and demo data', async () => {
    const path = join(dataDir, 'one.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify([declaration('SVC-1'), { functionalReferenceId: 'BAD' }]));
    picked.push([path]);
    const imported = await ok('cw:queue.importFromDialog');
    expect(imported).toMatchObject({ cancelled: false, imported: 1, rejected: 1, files: [{ file: 'one.json' }] });
    expect(dialogRequests.at(-1)).toMatchObject({ title: 'Import declarations' });
    expect(dialogRequests.at(-1)!.extensions).toEqual(expect.arrayContaining(['edi', 'xml', 'json']));
    expect(events.some((e) => e.event === 'cw:queue.importProgress')).toBe(true);
    // Cancelling the dialog imports nothing; a picked file that vanished before reading is named.
    expect(await ok('cw:queue.importFromDialog')).toEqual({
      cancelled: true,
      files: [],
      imported: 0,
      rejected: 0,
      duplicates: 0,
    });
    picked.push([join(dataDir, 'missing.json')]);
    expect(await codeOf('cw:queue.importFromDialog')).toBe('NOT_FOUND');
    // The renderer cannot name a path: the old channel is gone and the dialog's takes no input.
    expect(await codeOf('cw:queue.import' as ChannelName, { paths: [path] })).toBe('UNKNOWN_CHANNEL');
    expect(await codeOf('cw:queue.importFromDialog', { paths: ['/etc/passwd'] })).toBe('INVALID_ARGUMENT');
    const data = Buffer.from(JSON.stringify(declaration('SVC-2'))).toString('base64');
    expect(
      await ok('cw:queue.uploadChunk', { uploadId: 'upload-svc-1', name: 'up.json', index: 0, last: true, base64: data }),
    ).toMatchObject({
      result: { imported: 1, numbers: ['SVC-2'] },
    });
    expect((await ok('cw:queue.rejects', { limit: 10 }))[0]).toMatchObject({ file: 'one.json', messageRef: 'BAD' });
    // Released, then amended: the release stands and the amendment waits for post-clearance review.
    await ok('cw:queue.decide', { ids: ['SVC-2'], decision: 'release', reason: 'documents in order' });
    const amended = { ...declaration('SVC-2'), functionCode: '4', procedure: '4000' };
    const upload = Buffer.from(JSON.stringify(amended)).toString('base64');
    expect(
      await ok('cw:queue.uploadChunk', { uploadId: 'upload-svc-2', name: 'amend.json', index: 0, last: true, base64: upload }),
    ).toMatchObject({ result: { imported: 1, amended: 1 } });
    const [waiting] = await ok('cw:queue.reviews', { reviewed: false });
    expect(waiting).toMatchObject({ number: 'SVC-2', version: 2, changes: [{ path: 'procedure', before: null, after: '4000' }] });
    expect((await ok('cw:queue.review', { id: 'SVC-2', version: 2, note: 'procedure code corrected' })).review).not.toBeNull();
    expect((await ok('cw:queue.get', { id: 'SVC-2' })).row.status).toBe('released');
    expect(await ok('cw:queue.demo', { count: 20, seed: 3 })).toEqual({ imported: 20 });
  });

  it('keeps saved views per user and edits risk rules as a supervisor only', async () => {
    const view = await ok('cw:queue.saveView', {
      name: 'Reds',
      filter: { lanes: ['red'] },
      sort: { by: 'priority', dir: 'asc' },
    });
    expect((await ok('cw:queue.savedViews')).map((v) => v.id)).toEqual([view.id]);
    await ok('cw:queue.deleteView', { id: view.id });
    const rule = {
      id: 'svc-test',
      name: 'Test rule',
      conditions: [{ field: 'hsCode', op: 'prefix', value: '0101' }],
      lane: 'yellow',
      score: 5,
      profileId: null,
      active: true,
    };
    // Four eyes: the save is a request; the rule has no version until a second supervisor approves it.
    expect(await ok('cw:risk.saveRule', { rule, expectedVersion: 0 })).toMatchObject({ kind: 'risk.rule', status: 'pending' });
    expect(await codeOf('cw:risk.saveRule', { rule, expectedVersion: 0 })).toBe('CONFLICT');
    expect((await ok('cw:risk.ruleHistory', { id: 'svc-test' })).length).toBe(0);
    const profile = (await ok('cw:risk.config')).profiles[0]!;
    await ok('cw:risk.saveProfile', { profile: { ...profile, description: 'edited' }, expectedVersion: profile.version });
    const watchlist = (await ok('cw:risk.config')).watchlists[0]!;
    await ok('cw:risk.saveWatchlist', { watchlist: { ...watchlist, active: false }, expectedVersion: watchlist.version });
    const selection = (await ok('cw:risk.config')).randomSelection;
    await ok('cw:risk.saveRandomSelection', {
      randomSelection: { ...selection, defaultExpectedRate: 0.05 },
      expectedVersion: selection.version,
    });
    expect((await ok('cw:risk.dryRun', { rules: [rule], days: 7 })).subjects).toBeGreaterThan(0);

    await ok('cw:auth.createUser', {
      username: 'officer.test',
      displayName: 'Test Officer',
      role: 'officer',
      password: 'a long enough password',
    });
    await ok('cw:auth.logout');
    await ok('cw:auth.login', { username: 'officer.li', password: DEMO_PASSWORD });
    expect(await codeOf('cw:risk.saveRule', { rule, expectedVersion: 1 })).toBe('FORBIDDEN');
    expect(await codeOf('cw:queue.reroute', { id: 'SVC-1', lane: 'red', reason: 'intelligence tip-off' })).toBe('FORBIDDEN');
    expect(await ok('cw:queue.savedViews')).toEqual([]);
  });

  it('reaches every queue and risk channel', () => {
    const mine = Object.keys(channels).filter((c) => /^cw:(declarations|queue|risk)\./.test(c));
    expect(mine.filter((c) => !reached.has(c as ChannelName))).toEqual([]);
  });
});
