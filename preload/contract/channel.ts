import { z } from 'zod';
import type { RightName } from './rights';

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
