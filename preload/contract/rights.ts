/**
 * The rights table: which role may do what. Every channel's access names one of
 * these rights (or is `public` / `locked`), so the dispatcher, the services and
 * the UI all read the same table; the README's rights table is written from it
 * (tests/unit/contract/rights-readme.test.ts keeps the two equal).
 *
 * Some rights are not a channel of their own but depend on the input of one
 * (releasing, releasing a red-lane declaration, closing a case, changing a
 * security setting): the services check those with `holdsRight`.
 */
import type { Role } from './schemas/auth';
import type { Mode } from './schemas/common';
import type { Settings } from './schemas/settings';

export const roles = ['officer', 'inspector', 'supervisor', 'trainer', 'trainee'] as const satisfies readonly Role[];

const everyone = roles;
const customsStaff = ['officer', 'inspector', 'supervisor'] as const satisfies readonly Role[];

export interface Right {
  /** Who holds it on a live workstation. */
  readonly roles: readonly Role[];
  /** What it allows, as the README's rights table says it. */
  readonly what: string;
}

export const rights = {
  workstation: {
    roles: everyone,
    what: 'own session and preferences: lock, password, language and theme, notices, windows, camera-wall groups, diagnostics (audit entries only with audit.read)',
  },
  'declarations.read': {
    roles: customsStaff,
    what: 'the declaration queue, declaration detail, rejects, saved views, the release-time dashboard, the risk configuration',
  },
  'declarations.decide': {
    roles: customsStaff,
    what: 'decide on declarations: hold, ask for documents, send to inspection (releasing needs declarations.release)',
  },
  'declarations.release': { roles: ['officer', 'supervisor'], what: 'release a green-, blue- or yellow-lane declaration' },
  'declarations.releaseRed': {
    roles: ['supervisor'],
    what: 'ask to release a red-lane declaration (after inspection); it takes effect when a second supervisor approves',
  },
  'declarations.assign': { roles: ['officer', 'supervisor'], what: 'assign declarations to people' },
  'declarations.import': { roles: ['officer', 'supervisor'], what: 'import declaration files' },
  'declarations.reroute': { roles: ['supervisor'], what: 're-route a declaration to another lane' },
  'declarations.demo': { roles: ['supervisor'], what: 'add demo declarations to the queue' },
  'declarations.review': { roles: ['supervisor'], what: 'review amendments received after release (post-clearance review)' },
  'cases.read': { roles: customsStaff, what: 'cases, their reports and the people they can be assigned to' },
  'cases.open': { roles: customsStaff, what: 'open a case (from a declaration, a gate event, a panorama marker or by hand)' },
  'cases.work': {
    roles: customsStaff,
    what: 'edit a case, add notes, tasks and links, move it through inspection (closing needs cases.close)',
  },
  'cases.record': { roles: ['inspector', 'supervisor'], what: 'record inspection results: findings and seizures' },
  'cases.close': {
    roles: ['officer', 'supervisor'],
    what: 'close a case; a case with a seizure closes when a second supervisor approves (reopening: supervisors)',
  },
  'evidence.add': { roles: customsStaff, what: 'add evidence files and camera snapshots' },
  'evidence.read': { roles: customsStaff, what: 'read evidence files' },
  'evidence.transfer': { roles: ['inspector', 'supervisor'], what: 'hand evidence over in the chain of custody' },
  'port.view': { roles: customsStaff, what: 'the port site, its cameras and the gate log' },
  'gate.record': {
    roles: ['officer', 'supervisor'],
    what: 'record vehicles at the gate lanes, send lane camera frames to recognition, confirm or correct its alerts',
  },
  'gate.policy': {
    roles: ['supervisor'],
    what: "recognition settings per camera (models, region, thresholds, frame rate) and each lane's auto-release policy",
  },
  'shifts.work': { roles: customsStaff, what: 'start and end clearance shifts, read handovers' },
  'sync.view': { roles: customsStaff, what: 'sync status, a sync round on demand, the list of conflicts' },
  'sync.resolve': { roles: ['supervisor'], what: 'resolve a sync conflict' },
  'settings.security': {
    roles: ['supervisor'],
    what: 'settings that affect security: hub URL and device token, camera access and origins, idle lock, office',
  },
  'site.manage': { roles: ['supervisor'], what: 'edit the port site file' },
  'risk.manage': {
    roles: ['supervisor'],
    what: 'edit risk rules, profiles, watchlists and random selection, dry runs; a rule or watchlist takes effect when a second supervisor approves',
  },
  'users.manage': { roles: ['supervisor'], what: 'create, change and deactivate accounts, reset passwords' },
  'audit.read': { roles: ['supervisor'], what: 'read the audit log (also in diagnostics exports)' },
  'approvals.decide': { roles: ['supervisor'], what: 'approve or reject what another supervisor asked for (four eyes)' },
} as const satisfies Record<string, Right>;

export type RightName = keyof typeof rights;
export const rightNames = Object.keys(rights) as RightName[];

/**
 * In training mode (its own database, never synced) trainers and trainees work the
 * same screens on training data: a trainer with a supervisor's rights, a trainee with
 * an officer's and an inspector's. On a live workstation they hold only `workstation`.
 */
export const trainingStandIns: Readonly<Record<'trainer' | 'trainee', readonly Role[]>> = {
  trainer: ['supervisor'],
  trainee: ['officer', 'inspector'],
};

export function isTrainingRole(role: Role): role is 'trainer' | 'trainee' {
  return role === 'trainer' || role === 'trainee';
}

/** Whether a user of this role holds the right on a workstation in this mode. */
export function holdsRight(role: Role, right: RightName, mode: Mode): boolean {
  const holders: readonly Role[] = rights[right].roles;
  if (holders.includes(role)) return true;
  return mode === 'training' && isTrainingRole(role) && trainingStandIns[role].some((standIn) => holders.includes(standIn));
}

/** Why a user of this role may not use the right, as the error says it. */
export function refusalOf(role: Role, right: RightName, mode: Mode, doing: string): string {
  if (mode === 'live' && isTrainingRole(role))
    return `${doing} works on live customs data; a ${role} works on training data only (start Clearway in training mode)`;
  const holders = rights[right].roles.join(' or ');
  return `${doing} needs the right ${right}, which ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} does not hold (${holders} only)`;
}

/**
 * Settings that affect security: only holders of settings.security change them.
 * Every key of Settings is either here or in `preferenceSettings` (a test holds
 * that), so a new setting is classified by its author.
 */
export const securitySettings = [
  'hubUrl',
  'hubCaCertificate',
  'hubPin',
  'cameraEnabled',
  'cameraOrigins',
  'idleLockMinutes',
  'office',
] as const satisfies readonly (keyof Settings)[];

/**
 * Settings any signed-in user may change: how the workstation looks to them, how they arrange
 * the wall, and which of this machine's own cameras they watch (camera access itself and remote
 * origins are security settings).
 */
export const preferenceSettings = [
  'locale',
  'theme',
  'cameraGroups',
  'webcamDeviceId',
] as const satisfies readonly (keyof Settings)[];
