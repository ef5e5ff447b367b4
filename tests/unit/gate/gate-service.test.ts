import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Site } from '../../../preload/contract/schemas/site';
import { GateEvent } from '../../../preload/contract/schemas/gate';
import { actorOf } from '../../../main/services/auth/accounts';
import { ServiceError } from '../../../main/services/errors';
import { GateService } from '../../../main/services/gate/gate-service';
import { fillPlateKeys } from '../../../main/services/gate/plate-key';
import type { Statement } from '../../../main/services/store/types';
import { addDeclarations, declaration, type Fixture, OFFICER, setup } from '../queue/fixtures';

const site = Site.parse({
  schemaVersion: 1,
  id: 'test-gate',
  name: 'Test gate',
  origin: { latitude: 22.5, longitude: 114.1 },
  gates: [
    {
      id: 'gate-a',
      name: 'Gate A',
      position: [0, 0, 0],
      lanes: [
        { id: 'lane-in', name: 'In', kind: 'inbound', start: [0, 0, 50], end: [0, 0, -50] },
        { id: 'lane-out', name: 'Out', kind: 'outbound', start: [6, 0, -50], end: [6, 0, 50] },
      ],
    },
  ],
  cameras: [
    {
      id: 'cam-in',
      name: 'Lane camera',
      kind: 'fixed',
      position: [0, 6, 10],
      yawDeg: 0,
      pitchDeg: -20,
      fovDeg: 60,
      source: { type: 'url', url: 'media/lane.webm' },
    },
  ],
});

const officer = actorOf(OFFICER);
let f: Fixture;
let gate: GateService;
let recorded: GateEvent[];
let transactions: Statement[][];

beforeEach(async () => {
  f = await setup();
  recorded = [];
  transactions = [];
  const transaction = f.store.transaction.bind(f.store);
  const store = {
    ...f.store,
    query: f.store.query.bind(f.store),
    transaction: (statements: readonly Statement[]) => {
      transactions.push([...statements]);
      return transaction(statements);
    },
  };
  gate = new GateService({ store, clock: f.clock, site: async () => site, onRecorded: (event) => recorded.push(event) });
});
afterEach(async () => {
  await f.close();
});

const minutes = (n: number) => n * 60_000;

async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('recording gate events', () => {
  it('normalises the plate, links the newest unreleased declaration, emits, and audits in the same transaction', async () => {
    await addDeclarations(f, [
      declaration('OLD-1', { plate: '粤B·12345', lodged: '2026-03-01T07:00:00.000Z' }),
      declaration('NEW-1', { plate: '粤B 12345', lodged: '2026-03-02T07:00:00.000Z' }),
      declaration('OTHER', { plate: '粤C·99999' }),
    ]);
    transactions.length = 0;
    const event = await gate.record(officer, {
      laneId: 'lane-in',
      direction: 'arrival',
      plate: '粤b-12345',
      source: 'officer',
      cameraId: 'cam-in',
    });

    expect(GateEvent.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      plate: '粤B12345',
      laneId: 'lane-in',
      direction: 'arrival',
      source: 'officer',
      cameraId: 'cam-in',
      recordedBy: 'Li Na (officer.li)',
      at: '2026-03-02T08:00:00.000Z',
    });
    expect(event.confidence).toBeUndefined();
    expect(event.declaration?.number).toBe('NEW-1');
    expect(event.declaration?.lane).toBe('green');
    expect(recorded).toEqual([event]);

    expect(transactions).toHaveLength(1);
    const sql = transactions[0]!.map((s) => s.sql);
    expect(sql.some((s) => s.includes('INSERT INTO gate_events'))).toBe(true);
    expect(sql.some((s) => s.includes('INSERT INTO audit'))).toBe(true);
    const [audit] = await f.store.query(`SELECT actor_name, action, subject, detail FROM audit WHERE action LIKE 'gate.%'`);
    expect(audit).toMatchObject({ actor_name: 'Li Na (officer.li)', action: 'gate.arrival', subject: '粤B12345' });
    expect(JSON.parse(String(audit!.detail))).toMatchObject({
      eventId: event.id,
      laneId: 'lane-in',
      source: 'officer',
      cameraId: 'cam-in',
    });
  });

  it('skips released declarations and leaves an event unlinked when no declaration carries the plate', async () => {
    await addDeclarations(f, [
      declaration('REL-1', { plate: 'AB1234', lodged: '2026-03-02T07:10:00.000Z' }),
      declaration('OPEN-1', { plate: 'AB1234', lodged: '2026-03-01T07:00:00.000Z' }),
    ]);
    await f.queue.actions.decide(OFFICER, ['REL-1'], 'release', 'documents in order');
    expect(
      (await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'ab 1234', source: 'officer' })).declaration
        ?.number,
    ).toBe('OPEN-1');
    await f.queue.actions.decide(OFFICER, ['OPEN-1'], 'release', 'documents in order');
    expect(
      (await gate.record(officer, { laneId: 'lane-out', direction: 'departure', plate: 'AB1234', source: 'officer' }))
        .declaration,
    ).toBeNull();
    expect(
      (await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'ZZ0001', source: 'officer' })).declaration,
    ).toBeNull();
  });

  it('links plates declared with en dashes, underscores, full-width forms or a minus sign', async () => {
    await addDeclarations(f, [
      declaration('DASH', { plate: '粤B–12345' }),
      declaration('UNDER', { plate: 'ab_1234' }),
      declaration('WIDE', { plate: 'ＣＤ５６７８' }),
      declaration('MINUS', { plate: 'EF\u221290' }),
    ]);
    const linked = async (plate: string) =>
      (await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate, source: 'officer' })).declaration?.number;
    expect(await linked('粤B12345')).toBe('DASH');
    expect(await linked('AB-1234')).toBe('UNDER');
    expect(await linked('cd 5678')).toBe('WIDE');
    expect(await linked('EF90')).toBe('MINUS');
  });

  it('keys declarations stored before the key column, once, and then links them', async () => {
    await addDeclarations(f, [declaration('OLDER', { plate: '粤B_7777' }), declaration('SEA')]);
    await f.store.transaction([{ sql: 'UPDATE declarations SET plate_key = NULL', params: [] }]);
    expect(
      (await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: '粤B7777', source: 'officer' })).declaration,
    ).toBeNull();
    expect(await fillPlateKeys(f.store)).toBe(1);
    expect(await fillPlateKeys(f.store)).toBe(0);
    expect(
      (await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: '粤B7777', source: 'officer' })).declaration
        ?.number,
    ).toBe('OLDER');
  });

  it('takes recognition events with their confidence and refuses a confidence on an officer entry', async () => {
    const read = await gate.record(
      { id: 'recognition', name: 'Plate recognition (cam-in)' },
      { laneId: 'lane-in', direction: 'arrival', plate: 'XY4321', source: 'recognition', cameraId: 'cam-in', confidence: 0.93 },
    );
    expect(read).toMatchObject({ source: 'recognition', confidence: 0.93, recordedBy: 'Plate recognition (cam-in)' });
    expect(
      (
        await serviceError(
          gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'XY4321', source: 'recognition' }),
        )
      ).issues?.[0]?.path,
    ).toBe('confidence');
    expect(
      (
        await serviceError(
          gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'XY4321', source: 'officer', confidence: 0.5 }),
        )
      ).issues?.[0]?.path,
    ).toBe('confidence');
    expect(
      (
        await serviceError(
          gate.record(officer, {
            laneId: 'lane-in',
            direction: 'arrival',
            plate: 'XY4321',
            source: 'recognition',
            confidence: 1.5,
          }),
        )
      ).issues?.[0]?.path,
    ).toBe('confidence');
  });

  it('names the field when the lane, camera or plate is wrong, and writes nothing', async () => {
    const lane = await serviceError(
      gate.record(officer, { laneId: 'lane-9', direction: 'arrival', plate: 'AB1234', source: 'officer' }),
    );
    expect(lane.code).toBe('INVALID_ARGUMENT');
    expect(lane.issues?.[0]?.path).toBe('laneId');
    expect(lane.message).toContain('lane-9');
    expect(lane.message).toContain('lane-in, lane-out');

    const camera = await serviceError(
      gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AB1234', source: 'officer', cameraId: 'cam-x' }),
    );
    expect(camera.issues?.[0]?.path).toBe('cameraId');
    expect(camera.message).toContain('cam-x');

    const plate = await serviceError(
      gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AB#1234', source: 'officer' }),
    );
    expect(plate.issues?.[0]).toEqual({ path: 'plate', message: expect.stringContaining('"#"') as string });
    expect(
      (await serviceError(gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: ' - ', source: 'officer' })))
        .issues?.[0]?.message,
    ).toBe('must not be empty');
    expect(
      (await serviceError(gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'A', source: 'officer' })))
        .issues?.[0]?.path,
    ).toBe('plate');

    expect((await gate.list({ limit: 10, offset: 0 })).total).toBe(0);
    expect(transactions).toHaveLength(0);
  });
});

describe('listing the gate log', () => {
  it('pages newest first and filters by lane and by part of a plate in any spelling', async () => {
    const plates = ['粤B11111', '粤B22222', 'AB1234', 'CD5678', '粤B33333'];
    for (const [i, plate] of plates.entries()) {
      await gate.record(officer, {
        laneId: i % 2 === 0 ? 'lane-in' : 'lane-out',
        direction: 'arrival',
        plate,
        source: 'officer',
      });
      f.clock.advance(minutes(1));
    }
    const first = await gate.list({ limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.rows.map((e) => e.plate)).toEqual(['粤B33333', 'CD5678']);
    expect((await gate.list({ limit: 2, offset: 4 })).rows.map((e) => e.plate)).toEqual(['粤B11111']);
    expect((await gate.list({ limit: 10, offset: 0, laneId: 'lane-out' })).rows.map((e) => e.plate)).toEqual([
      'CD5678',
      '粤B22222',
    ]);
    const byPlate = await gate.list({ limit: 10, offset: 0, plate: '粤b·2' });
    expect(byPlate.rows.map((e) => e.plate)).toEqual(['粤B22222']);
    expect(byPlate.total).toBe(1);
    expect((await serviceError(gate.list({ limit: 10, offset: 0, plate: '12%' }))).issues?.[0]?.path).toBe('plate');
  });

  it('keeps events recorded in the same millisecond in the order they were recorded', async () => {
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'BB2222', source: 'officer' });
    expect((await gate.list({ limit: 10, offset: 0 })).rows.map((e) => e.plate)).toEqual(['BB2222', 'AA1111']);
  });

  it('shows the declaration’s lane as it is now', async () => {
    await addDeclarations(f, [declaration('RED-1', { plate: 'RR1000', hs: '293911' })]);
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'RR1000', source: 'officer' });
    expect((await gate.list({ limit: 1, offset: 0 })).rows[0]?.declaration).toEqual({ number: 'RED-1', lane: 'red' });
  });
});

describe('vehicles present at the gate', () => {
  it('lists each plate whose latest event is an arrival, with its lane, newest first', async () => {
    await addDeclarations(f, [declaration('D-1', { plate: 'AA1111' })]);
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    f.clock.advance(minutes(5));
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'BB2222', source: 'officer' });
    f.clock.advance(minutes(5));
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'CC3333', source: 'officer' });
    await gate.record(officer, { laneId: 'lane-out', direction: 'departure', plate: 'CC3333', source: 'officer' });

    const present = await gate.present(120);
    expect(present.map((v) => [v.plate, v.laneId, v.declaration?.number ?? null])).toEqual([
      ['BB2222', 'lane-in', null],
      ['AA1111', 'lane-in', 'D-1'],
    ]);
    expect(present[1]?.arrivedAt).toBe('2026-03-02T08:00:00.000Z');
  });

  it('takes a vehicle that arrived again after leaving as present, on its new lane', async () => {
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    f.clock.advance(minutes(1));
    await gate.record(officer, { laneId: 'lane-out', direction: 'departure', plate: 'AA1111', source: 'officer' });
    f.clock.advance(minutes(1));
    await gate.record(officer, { laneId: 'lane-out', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    expect((await gate.present()).map((v) => [v.plate, v.laneId])).toEqual([['AA1111', 'lane-out']]);
  });

  it('drops an arrival older than the dwell window', async () => {
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    f.clock.advance(minutes(90));
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'BB2222', source: 'officer' });
    f.clock.advance(minutes(31));
    expect((await gate.present(120)).map((v) => v.plate)).toEqual(['BB2222']);
    expect((await gate.present(30)).map((v) => v.plate)).toEqual([]);
    expect((await gate.present(24 * 60)).map((v) => v.plate)).toEqual(['BB2222', 'AA1111']);
  });
});

describe('the gate log is evidence', () => {
  it('refuses to change or delete a recorded event', async () => {
    await gate.record(officer, { laneId: 'lane-in', direction: 'arrival', plate: 'AA1111', source: 'officer' });
    await expect(f.store.transaction([{ sql: `UPDATE gate_events SET plate = 'ZZ9999'` }])).rejects.toThrow(/append-only/);
    await expect(f.store.transaction([{ sql: 'DELETE FROM gate_events' }])).rejects.toThrow(/append-only/);
  });
});
