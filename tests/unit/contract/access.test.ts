/**
 * Who may call what. The table pins the meaning of each access level; the
 * classification pins which access every channel has, so a new channel must be
 * classified by its author and loosening one is a visible, reviewed change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, type Access, type ChannelName, type ErrorCode } from '../../../preload/contract';
import type { SessionView } from '../../../main/services/handlers';
import { checkAccess, createDispatcher } from '../../../main/host/dispatch';
import { fakeServiceHost, userWithRole } from '../host/fake-service-host';
import { validValue } from './zod-arbitrary';

const sessions = {
  anonymous: { user: null, locked: false },
  officer: { user: userWithRole('officer'), locked: false },
  officerLocked: { user: userWithRole('officer'), locked: true },
  supervisor: { user: userWithRole('supervisor'), locked: false },
  supervisorLocked: { user: userWithRole('supervisor'), locked: true },
} satisfies Record<string, SessionView>;
type SessionName = keyof typeof sessions;

type Outcome = 'ok' | ErrorCode;
const table: { access: Access; expect: Record<SessionName, Outcome> }[] = [
  { access: 'public', expect: { anonymous: 'ok', officer: 'ok', officerLocked: 'ok', supervisor: 'ok', supervisorLocked: 'ok' } },
  {
    access: 'locked',
    expect: { anonymous: 'UNAUTHENTICATED', officer: 'ok', officerLocked: 'ok', supervisor: 'ok', supervisorLocked: 'ok' },
  },
  {
    access: 'session',
    expect: {
      anonymous: 'UNAUTHENTICATED',
      officer: 'ok',
      officerLocked: 'LOCKED',
      supervisor: 'ok',
      supervisorLocked: 'LOCKED',
    },
  },
  {
    access: ['supervisor'],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      officer: 'FORBIDDEN',
      officerLocked: 'LOCKED',
      supervisor: 'ok',
      supervisorLocked: 'LOCKED',
    },
  },
  {
    access: ['officer', 'inspector'],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      officer: 'ok',
      officerLocked: 'LOCKED',
      supervisor: 'FORBIDDEN',
      supervisorLocked: 'LOCKED',
    },
  },
  {
    access: ['officer', 'supervisor'],
    expect: {
      anonymous: 'UNAUTHENTICATED',
      officer: 'ok',
      officerLocked: 'LOCKED',
      supervisor: 'ok',
      supervisorLocked: 'LOCKED',
    },
  },
];

describe('access levels', () => {
  for (const row of table) {
    for (const [name, expected] of Object.entries(row.expect) as [SessionName, Outcome][]) {
      it(`${JSON.stringify(row.access)} for ${name}: ${expected}`, () => {
        const denied = checkAccess('cw:app.info', row.access, sessions[name]);
        expect(denied?.code ?? 'ok').toBe(expected);
      });
    }
  }

  it('names the role a forbidden call needs', () => {
    const denied = checkAccess('cw:auth.listUsers', ['supervisor'], sessions.officer);
    expect(denied?.message).toContain('supervisor');
    expect(denied?.message).toContain('cw:auth.listUsers');
  });
});

describe('the dispatcher enforces each channel’s access', () => {
  const rowFor = (access: Access) => table.find((row) => JSON.stringify(row.access) === JSON.stringify(access));

  it.each(channelNames)('%s', async (channel) => {
    const spec = channels[channel];
    const row = rowFor(spec.access);
    // A new access shape needs its own row in the table above.
    expect(row, `no access row for ${JSON.stringify(spec.access)}`).toBeDefined();
    const [input, output] = fc.sample(fc.tuple(validValue(spec.input as z.ZodType), validValue(spec.output as z.ZodType)), 1)[0]!;

    for (const [name, expected] of Object.entries(row!.expect) as [SessionName, Outcome][]) {
      const host = fakeServiceHost(sessions[name]);
      host.reply(channel, () => output);
      const envelope = await createDispatcher(host)(channel, input);
      expect(envelope.ok ? 'ok' : envelope.error.code, `${channel} as ${name}`).toBe(expected);
      expect(host.calls.length, `${channel} as ${name}: handler calls`).toBe(expected === 'ok' ? 1 : 0);
    }
  });
});

/**
 * Every channel of the contract, by the access it is meant to have. This list is
 * the review: a channel added to the contract fails the tests below until its
 * author puts it here, so loosening access (a public or lock-screen channel, a
 * supervisor action opened to everyone) is a visible, deliberate change.
 */
const classification: { access: Access; meaning: string; channels: ChannelName[] }[] = [
  {
    access: 'public',
    meaning: 'works before sign-in and on the lock screen (start-up, sign-in, first-run setup)',
    channels: [
      'cw:app.info',
      'cw:app.notices',
      'cw:app.status',
      'cw:auth.login',
      'cw:auth.setup',
      'cw:auth.state',
      'cw:settings.get',
    ],
  },
  {
    access: 'locked',
    meaning: 'a signed-in user, also while the screen is locked (only leaving the lock screen)',
    channels: ['cw:auth.logout', 'cw:auth.unlock'],
  },
  {
    access: ['supervisor'],
    meaning:
      'supervisors only: accounts, the audit log, lane re-routing, demo declarations, risk configuration, the site file, the hub device token',
    channels: [
      'cw:auth.listUsers',
      'cw:auth.createUser',
      'cw:auth.updateUser',
      'cw:auth.resetPassword',
      'cw:audit.list',
      'cw:queue.reroute',
      'cw:queue.demo',
      'cw:risk.saveRule',
      'cw:risk.saveProfile',
      'cw:risk.saveWatchlist',
      'cw:risk.saveRandomSelection',
      'cw:risk.dryRun',
      'cw:site.save',
      'cw:recognition.setCamera',
      'cw:recognition.setLanePolicy',
      'cw:sync.setDeviceToken',
    ],
  },
  {
    access: 'session',
    meaning: 'any signed-in, unlocked user: the daily work',
    channels: [
      'cw:app.dismissNotice',
      'cw:app.exportDiagnostics',
      'cw:app.openExternal',
      'cw:auth.lock',
      'cw:auth.activity',
      'cw:auth.changePassword',
      'cw:shifts.current',
      'cw:shifts.lastHandover',
      'cw:shifts.start',
      'cw:shifts.end',
      'cw:shifts.list',
      'cw:settings.update',
      'cw:settings.saveCameraGroups',
      'cw:cases.list',
      'cw:cases.get',
      'cw:cases.open',
      'cw:cases.update',
      'cw:cases.setStatus',
      'cw:cases.addFinding',
      'cw:cases.addSeizure',
      'cw:cases.addNote',
      'cw:cases.addTask',
      'cw:cases.setTaskDone',
      'cw:cases.addLink',
      'cw:cases.assignees',
      'cw:cases.exportReport',
      'cw:cases.readReport',
      'cw:evidence.add',
      'cw:evidence.addSnapshot',
      'cw:evidence.read',
      'cw:evidence.transfer',
      'cw:evidence.uploadChunk',
      'cw:evidence.saveSnapshot',
      'cw:audit.chainState',
      'cw:audit.verifyChain',
      'cw:windows.open',
      'cw:windows.select',
      'cw:site.get',
      'cw:site.reportCameraHealth',
      'cw:queue.list',
      'cw:queue.get',
      'cw:queue.decide',
      'cw:queue.assign',
      'cw:queue.import',
      'cw:queue.uploadChunk',
      'cw:queue.rejects',
      'cw:queue.dashboard',
      'cw:queue.savedViews',
      'cw:queue.saveView',
      'cw:queue.deleteView',
      'cw:risk.config',
      'cw:risk.ruleHistory',
      'cw:sync.status',
      'cw:sync.now',
      'cw:sync.conflicts',
      'cw:sync.resolveConflict',
      'cw:gate.list',
      'cw:gate.present',
      'cw:recognition.setup',
      'cw:recognition.lanes',
      'cw:recognition.decisions',
      'cw:recognition.decisionTimes',
    ],
  },
  {
    access: ['officer', 'supervisor'],
    meaning:
      'the gate staff: officers (and supervisors) record vehicles at the gate lanes by hand, send lane camera frames to recognition and answer its alerts; inspectors and trainers only read the log',
    channels: ['cw:gate.record', 'cw:recognition.frame', 'cw:recognition.resolve'],
  },
];

const HOW_TO_CLASSIFY =
  'Add each channel to `classification` in tests/unit/contract/access.test.ts, under the group whose access it needs: ' +
  classification.map((group) => `${JSON.stringify(group.access)} = ${group.meaning}`).join('; ') +
  '. Choose the narrowest that works, and give a new role list its own group (and a row in the access table above if it is a new shape).';

describe('every channel is classified by the access it is meant to have', () => {
  const classified = classification.flatMap((group) => group.channels.map((channel) => ({ channel, group })));

  it('no channel is left unclassified', () => {
    const listed = new Set(classified.map((entry) => entry.channel));
    const missing = channelNames
      .filter((name) => !listed.has(name))
      .map((name) => `${name} (the contract gives it ${JSON.stringify(channels[name].access)})`);
    expect(missing, `Unclassified channels: ${missing.join(', ')}. ${HOW_TO_CLASSIFY}`).toEqual([]);
  });

  it('no classified channel is missing from the contract or listed twice', () => {
    const stale = classified.filter((entry) => !channelNames.includes(entry.channel)).map((entry) => entry.channel);
    expect(
      stale,
      `Not in the contract any more: remove ${stale.join(', ')} from \`classification\` in tests/unit/contract/access.test.ts`,
    ).toEqual([]);
    const twice = classified.map((entry) => entry.channel).filter((name, index, all) => all.indexOf(name) !== index);
    expect(twice, `Listed in two groups of \`classification\`: ${twice.join(', ')}; keep the one it needs`).toEqual([]);
  });

  it.each(classified.map((entry) => [entry.channel, entry.group] as const))(
    '%s has the access it is classified with',
    (channel, group) => {
      const actual = channels[channel]?.access;
      expect(
        actual,
        `${channel}: the contract (preload/contract/channels/) gives it ${JSON.stringify(actual)}, but tests/unit/contract/access.test.ts classifies it as ` +
          `${JSON.stringify(group.access)} (${group.meaning}). Fix whichever is wrong; widening access needs a reviewer's agreement.`,
      ).toEqual(group.access);
    },
  );
});
