import { z } from 'zod';
import { holdsRight, type RightName } from './rights';
import type { Role } from './schemas/auth';
import type { Mode } from './schemas/common';

/**
 * Who may call a channel:
 * - `public`: anyone, also before sign-in and while locked (state, sign-in, settings read);
 * - `locked`: a signed-in user, also while the screen is locked (unlock, logout);
 * - a right of the rights table (rights.ts): a signed-in, unlocked user whose role holds it.
 */
export type Access = 'public' | 'locked' | RightName;

export interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

/** Declares one channel; the identity function keeps the exact schema types for inference. */
export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/** Input or output of a channel that carries nothing. */
export const none = z.undefined();

/**
 * Whether a session may call a channel with this access: the dispatcher's rule
 * (main/host/dispatch.ts checkAccess) as a yes/no, so a screen can leave out an
 * action its user would be refused.
 */
export function allows(access: Access, session: { user: { role: Role } | null; locked: boolean }, mode: Mode): boolean {
  if (access === 'public') return true;
  if (!session.user) return false;
  if (access === 'locked') return true;
  if (session.locked) return false;
  return holdsRight(session.user.role, access, mode);
}
