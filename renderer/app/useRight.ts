import { holdsRight, type RightName } from '../../preload/contract/rights';
import { useSession } from './sessionStore';

/** Whether the signed-in user holds the right (the rights table in the contract); the services check it again. */
export function useRight(right: RightName): boolean {
  return useSession((s) => (s.session.user ? holdsRight(s.session.user.role, right, s.session.mode) : false));
}
