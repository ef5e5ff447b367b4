/** Shared set-up for the queue tests: memory store, manual clock, a temp data dir, a deterministic risk config. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Declaration, type DeclarationInput } from '../../../preload/contract/schemas/declarations';
import type { DeclarationsChanged, ImportProgress } from '../../../preload/contract/schemas/queue';
import type { RiskRuleDraft } from '../../../preload/contract/schemas/risk';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { createRiskServices } from '../../../main/services/risk/risk-handlers';
import { QueueService } from '../../../main/services/queue/queue-service';
import type { DecisionGrant } from '../../../main/services/queue/queue-actions';
import type { User } from '../../../preload/contract/schemas/auth';
import { seededRandom } from '../../../main/services/risk/seeded-random';
import { openMemoryStore } from '../services/memory-store';
import { insertUsers, testUser } from '../../support/users';

export const OFFICER = testUser('officer', { username: 'officer.li', displayName: 'Li Na' });
export const SUPERVISOR = testUser('supervisor', { id: 'u-super', username: 'supervisor.zhou', displayName: 'Zhou Qiang' });
export const INSPECTOR = testUser('inspector', { id: 'u-insp', username: 'inspector.wang', displayName: 'Wang Fang' });
export const SECOND_SUPERVISOR = testUser('supervisor', {
  id: 'u-super-2',
  username: 'supervisor.huang',
  displayName: 'Huang Lei',
});

/** The grant a four-eyes approval gives a red-lane release (the approval's own record is the approvals area's test). */
export function approvedBy(approver: User): DecisionGrant {
  return { mayAskRedRelease: false, approved: { by: approver, record: [] } };
}

export const RULES: RiskRuleDraft[] = [
  {
    id: 'alkaloids',
    name: 'Alkaloids (HS 2939)',
    conditions: [{ field: 'hsCode', op: 'prefix', value: '2939' }],
    lane: 'red',
    score: 90,
    profileId: null,
    active: true,
  },
  {
    id: 'fruit',
    name: 'Fresh fruit (HS 0805)',
    conditions: [{ field: 'hsCode', op: 'prefix', value: '0805' }],
    lane: 'yellow',
    score: 30,
    profileId: null,
    active: true,
  },
  {
    id: 'big-trader',
    name: 'Large trader audit',
    conditions: [{ field: 'declarantId', op: 'eq', value: 'CN9999' }],
    lane: 'blue',
    score: 5,
    profileId: null,
    active: true,
  },
];

/** A valid declaration; `hs` decides which test rule (if any) it hits. */
export function declaration(
  number: string,
  o: {
    hs?: string;
    lodged?: string;
    arrival?: string | null;
    perishable?: boolean;
    expedited?: boolean;
    aeo?: boolean;
    declarantId?: string;
    name?: string;
    office?: string;
    container?: string;
    plate?: string;
  } = {},
): Declaration {
  const input: DeclarationInput = {
    functionalReferenceId: number,
    typeCode: 'IM',
    office: o.office ?? 'CNSZX001',
    lodgementTime: o.lodged ?? '2026-03-02T07:00:00.000Z',
    ...(o.arrival === null ? {} : { arrivalTime: o.arrival ?? '2026-03-02T07:30:00.000Z' }),
    declarant: { id: o.declarantId ?? 'CN1001', name: o.name ?? 'Qianhai Brokerage', country: 'CN' },
    transport: o.plate
      ? { mode: 'road', vehiclePlate: o.plate, routeCountries: [] }
      : { mode: 'sea', meansId: '9321483', routeCountries: [] },
    containers: o.container ? [{ id: o.container }] : [],
    goodsItems: [
      {
        sequence: 1,
        description: 'Goods',
        hsCode: o.hs ?? '850440',
        originCountry: 'CN',
        grossMassKg: 100,
        customsValue: { amount: 1000, currency: 'USD' },
      },
    ],
    flags: { perishable: o.perishable ?? false, expedited: o.expedited ?? false, aeo: o.aeo ?? false },
  };
  return Declaration.parse(input);
}

export async function setup(o: { watchInbox?: boolean; start?: string } = {}) {
  const store = await openMemoryStore(migrations);
  const clock = new ManualClock(o.start ?? '2026-03-02T08:00:00.000Z');
  const dataDir = await mkdtemp(join(tmpdir(), 'clearway-queue-'));
  const changed: DeclarationsChanged[] = [];
  const progress: ImportProgress[] = [];
  const risk = createRiskServices({ store, clock, timeZone: 'UTC', random: seededRandom(7) });
  const queue = new QueueService({
    store,
    clock,
    dataDir,
    timeZone: 'UTC',
    risk,
    emitChanged: (p) => changed.push(p),
    emitProgress: (p) => progress.push(p),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    watchInbox: o.watchInbox ?? false,
    inboxStableMs: 40,
  });
  await insertUsers(store, [OFFICER, SUPERVISOR, INSPECTOR]);
  // No random selection (rate 0) so lanes are exactly the rules'.
  const meta = (v = 0) => ({ author: 'test', at: clock.now(), expectedVersion: v });
  // Saved over the starter selection, which is in force (version 1) until then.
  await risk.rules.saveRandomSelection(
    { offices: [], defaultExpectedRate: 0, defaultMinimumRate: 0, aeoReductionFactor: 1, lane: 'yellow', score: 10 },
    meta(1),
  );
  for (const rule of RULES) await risk.rules.saveRule(rule, meta());
  risk.assessor.invalidate();
  await queue.start();
  return {
    store,
    clock,
    dataDir,
    queue,
    risk,
    changed,
    progress,
    async close() {
      await queue.stop();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Fixture = Awaited<ReturnType<typeof setup>>;

export async function addDeclarations(f: Fixture, list: Declaration[]): Promise<void> {
  await f.queue.intake.saveDeclarations(list, { file: 'test', format: 'json' });
}
