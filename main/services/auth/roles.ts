import type { Access } from '../../../preload/contract';
import type { Role, User } from '../../../preload/schemas/auth';
import { ServiceError } from '../errors';
import type { SessionView } from '../handlers';

/**
 * The one access rule for every channel (see Access in preload/contract.ts).
 * Hosts may check it before dispatching; createServices checks it again inside
 * each handler so the services are safe whichever host calls them.
 */
export function checkAccess(access: Access, session: SessionView): void {
  if (access === 'public') return;
  if (!session.user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
  if (access === 'locked') return;
  if (session.locked) throw new ServiceError('LOCKED', 'The workstation is locked; unlock it first');
  if (access === 'session') return;
  requireRole(session.user, access);
}

export function hasRole(user: Pick<User, 'role'>, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

export function requireRole(user: Pick<User, 'role'>, roles: readonly Role[]): void {
  if (!hasRole(user, roles)) throw new ServiceError('FORBIDDEN', `Only ${roles.join(' or ')} may do this`);
}
