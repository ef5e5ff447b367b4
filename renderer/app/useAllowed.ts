import { allows, type Access } from '../../preload/contract/channel';
import { useSession } from './sessionStore';

/**
 * Whether the signed-in user may call channels with all of these access rules
 * (pass `channels['cw:x.y'].access`), so a screen leaves out what would be refused
 * and follows the contract when a channel's access changes.
 */
export function useAllowed(...accesses: Access[]): boolean {
  return useSession((s) => accesses.every((access) => allows(access, s.session, s.session.mode)));
}
