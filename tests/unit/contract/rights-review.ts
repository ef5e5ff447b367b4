/**
 * The rights table as reviewed: which roles hold each right on a live workstation,
 * and which access every channel has. The contract (preload/contract/rights.ts and
 * channels/*.ts) must say the same; a new channel, a new right or a widened one fails
 * the tests until its author puts it here, so loosening access is a visible change.
 */
import type { Access, ChannelName } from '../../../preload/contract';
import type { RightName } from '../../../preload/contract/rights';
import type { Role } from '../../../preload/contract/schemas/auth';

const staff: Role[] = ['officer', 'inspector', 'supervisor'];

export const reviewedRights: Record<RightName, Role[]> = {
  workstation: ['officer', 'inspector', 'supervisor', 'trainer', 'trainee'],
  'declarations.read': staff,
  'declarations.decide': staff,
  'declarations.release': ['officer', 'supervisor'],
  'declarations.releaseRed': ['supervisor'],
  'declarations.assign': ['officer', 'supervisor'],
  'declarations.import': ['officer', 'supervisor'],
  'declarations.reroute': ['supervisor'],
  'declarations.demo': ['supervisor'],
  'declarations.review': ['supervisor'],
  'cases.read': staff,
  'cases.open': staff,
  'cases.work': staff,
  'cases.record': ['inspector', 'supervisor'],
  'cases.close': ['officer', 'supervisor'],
  'evidence.add': staff,
  'evidence.read': staff,
  'evidence.transfer': ['inspector', 'supervisor'],
  'port.view': staff,
  'gate.record': ['officer', 'supervisor'],
  'gate.policy': ['supervisor'],
  'shifts.work': staff,
  'sync.view': staff,
  'sync.resolve': ['supervisor'],
  'settings.security': ['supervisor'],
  'site.manage': ['supervisor'],
  'risk.manage': ['supervisor'],
  'users.manage': ['supervisor'],
  'audit.read': ['supervisor'],
  'approvals.decide': ['supervisor'],
};

export const reviewedChannelAccess: Record<Access, ChannelName[]> = {
  public: [
    'cw:app.info',
    'cw:app.notices',
    'cw:app.status',
    'cw:auth.login',
    'cw:auth.setup',
    'cw:auth.state',
    'cw:settings.get',
  ],
  locked: ['cw:auth.logout', 'cw:auth.unlock'],
  workstation: [
    'cw:app.dismissNotice',
    'cw:app.exportDiagnostics',
    'cw:app.openExternal',
    'cw:auth.lock',
    'cw:auth.activity',
    'cw:auth.changePassword',
    'cw:audit.chainState',
    'cw:audit.verifyChain',
    'cw:settings.update',
    'cw:settings.saveCameraGroups',
    'cw:windows.open',
    'cw:windows.select',
  ],
  'declarations.read': [
    'cw:queue.list',
    'cw:queue.get',
    'cw:queue.rejects',
    'cw:queue.dashboard',
    'cw:queue.savedViews',
    'cw:queue.saveView',
    'cw:queue.deleteView',
    'cw:risk.config',
    'cw:risk.ruleHistory',
  ],
  'declarations.decide': ['cw:queue.decide'],
  'declarations.release': [],
  'declarations.releaseRed': [],
  'declarations.assign': ['cw:queue.assign'],
  'declarations.import': ['cw:queue.importFromDialog', 'cw:queue.uploadChunk'],
  'declarations.reroute': ['cw:queue.reroute'],
  'declarations.demo': ['cw:queue.demo'],
  'declarations.review': ['cw:queue.reviews', 'cw:queue.review'],
  'cases.read': ['cw:cases.list', 'cw:cases.get', 'cw:cases.assignees', 'cw:cases.exportReport', 'cw:cases.readReport'],
  'cases.open': ['cw:cases.open'],
  'cases.work': [
    'cw:cases.update',
    'cw:cases.setStatus',
    'cw:cases.addNote',
    'cw:cases.addTask',
    'cw:cases.setTaskDone',
    'cw:cases.addLink',
  ],
  'cases.record': ['cw:cases.addFinding', 'cw:cases.addSeizure'],
  'cases.close': [],
  'evidence.add': ['cw:evidence.uploadChunk', 'cw:evidence.add', 'cw:evidence.addSnapshot', 'cw:evidence.saveSnapshot'],
  'evidence.read': ['cw:evidence.read', 'cw:evidence.thumbnail'],
  'evidence.transfer': ['cw:evidence.transfer'],
  'port.view': [
    'cw:site.get',
    'cw:site.reportCameraHealth',
    'cw:gate.list',
    'cw:gate.present',
    'cw:recognition.setup',
    'cw:recognition.lanes',
    'cw:recognition.decisions',
    'cw:recognition.decisionTimes',
  ],
  'gate.record': ['cw:gate.record', 'cw:recognition.frame', 'cw:recognition.resolve'],
  'gate.policy': ['cw:recognition.setCamera', 'cw:recognition.setLanePolicy'],
  'shifts.work': ['cw:shifts.current', 'cw:shifts.lastHandover', 'cw:shifts.start', 'cw:shifts.end', 'cw:shifts.list'],
  'sync.view': ['cw:sync.status', 'cw:sync.now', 'cw:sync.conflicts', 'cw:sync.quarantine'],
  'sync.resolve': ['cw:sync.resolveConflict'],
  'settings.security': ['cw:sync.setDeviceToken'],
  'site.manage': ['cw:site.save'],
  'risk.manage': [
    'cw:risk.saveRule',
    'cw:risk.saveProfile',
    'cw:risk.saveWatchlist',
    'cw:risk.saveRandomSelection',
    'cw:risk.dryRun',
  ],
  'users.manage': ['cw:auth.listUsers', 'cw:auth.createUser', 'cw:auth.updateUser', 'cw:auth.resetPassword'],
  'audit.read': ['cw:audit.list'],
  'approvals.decide': ['cw:approvals.list', 'cw:approvals.approve', 'cw:approvals.reject'],
};

/** The access each channel is reviewed to have. */
export function reviewedAccessOf(channel: ChannelName): Access | undefined {
  for (const [access, names] of Object.entries(reviewedChannelAccess) as [Access, ChannelName[]][])
    if (names.includes(channel)) return access;
  return undefined;
}
