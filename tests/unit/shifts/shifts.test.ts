import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/services/errors';
import { Shifts } from '../../../main/services/shifts/shifts';
import { SUPERVISOR, auditActions, freshAccounts } from '../services/fixtures';

async function setup() {
  const fixture = await freshAccounts();
  const supervisor = await fixture.accounts.setup(SUPERVISOR);
  const li = await fixture.accounts.create(supervisor, {
    username: 'officer.li',
    displayName: 'Li Wei',
    role: 'officer',
    password: 'officer li password',
  });
  return { ...fixture, supervisor, li, shifts: new Shifts({ store: fixture.store, clock: fixture.clock }) };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: ServiceError) => e.code,
  );

describe('shifts', () => {
  it('runs start → end with handover → the next officer reads it', async () => {
    const { shifts, supervisor, li, clock, store } = await setup();
    expect(await shifts.lastHandover('Port of Qingdao, Gate 3')).toBeNull();

    const first = await shifts.start(supervisor, 'Port of Qingdao, Gate 3', undefined);
    expect(first).toMatchObject({
      userId: supervisor.id,
      userDisplayName: 'Zhou Qiang',
      endedAt: null,
      handoverNotes: null,
      startNotes: null,
    });
    expect(await shifts.current(supervisor.id)).toEqual(first);
    expect(await code(shifts.start(supervisor, 'Port of Qingdao, Gate 3', undefined))).toBe('CONFLICT');

    clock.advance(8 * 3_600_000);
    expect(await code(shifts.end(supervisor, '   '))).toBe('INVALID_ARGUMENT');
    const ended = await shifts.end(supervisor, 'Reefer MSCU 4821907 awaiting SPS certificate; 3号车道摄像头失焦。');
    expect(ended.endedAt).toBe(clock.now().toISOString());
    expect(await shifts.current(supervisor.id)).toBeNull();
    expect(await code(shifts.end(supervisor, 'again'))).toBe('FAILED_PRECONDITION');

    const handover = await shifts.lastHandover('Port of Qingdao, Gate 3');
    expect(handover?.handoverNotes).toContain('MSCU 4821907');
    expect(await shifts.lastHandover('Another office')).toBeNull();

    const second = await shifts.start(li, 'Port of Qingdao, Gate 3', 'Read; will chase the SPS certificate.');
    expect(second.startNotes).toBe('Read; will chase the SPS certificate.');
    const startAudit = await store.query("SELECT detail FROM audit WHERE action = 'shift.start' ORDER BY seq DESC LIMIT 1");
    expect(JSON.parse(String(startAudit[0]!.detail)).acknowledgedHandover).toBe(first.id);

    expect((await shifts.list(10)).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await auditActions(store)).toEqual(['auth.setup', 'user.create', 'shift.start', 'shift.end', 'shift.start']);
  });

  it('allows one open shift per officer, enforced by the database too', async () => {
    const { shifts, li, store, clock } = await setup();
    await shifts.start(li, 'Gate 1', undefined);
    await expect(
      store.transaction([
        {
          sql: 'INSERT INTO shifts (id, user_id, office, started_at) VALUES (?, ?, ?, ?)',
          params: ['sneaky', li.id, 'Gate 2', clock.now().toISOString()],
        },
      ]),
    ).rejects.toThrow(/UNIQUE/);
  });
});
