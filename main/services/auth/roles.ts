import type { Role, User } from '../../../preload/contract/schemas/auth';
import { ServiceError } from '../errors';

export function hasRole(user: Pick<User, 'role'>, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

export function requireRole(user: Pick<User, 'role'>, roles: readonly Role[]): void {
  if (!hasRole(user, roles)) throw new ServiceError('FORBIDDEN', `Only ${roles.join(' or ')} may do this`);
}
