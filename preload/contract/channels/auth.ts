/** Sign-in, lock, first-run setup and local accounts. */
import { z } from 'zod';
import { CreateUserInput, LoginInput, Password, SessionState, SetupInput, UpdateUserInput, User } from '../schemas/auth';
import { Id } from '../schemas/common';
import { channel, none } from '../channel';

export const authChannels = {
  'cw:auth.state': channel({ input: none, output: SessionState, access: 'public' }),
  'cw:auth.setup': channel({ input: SetupInput, output: SessionState, access: 'public' }),
  'cw:auth.login': channel({ input: LoginInput, output: SessionState, access: 'public' }),
  'cw:auth.logout': channel({ input: none, output: SessionState, access: 'locked' }),
  'cw:auth.lock': channel({ input: none, output: SessionState, access: 'workstation' }),
  'cw:auth.unlock': channel({
    input: z.object({ password: z.string().min(1).max(256) }),
    output: SessionState,
    access: 'locked',
  }),
  /** The renderer reports keyboard/pointer activity (throttled) so the idle lock can run in one place. */
  'cw:auth.activity': channel({ input: none, output: none, access: 'workstation' }),
  'cw:auth.changePassword': channel({
    input: z.object({ current: z.string().min(1).max(256), next: Password }),
    output: none,
    access: 'workstation',
  }),
  'cw:auth.listUsers': channel({ input: none, output: z.array(User), access: 'users.manage' }),
  'cw:auth.createUser': channel({ input: CreateUserInput, output: User, access: 'users.manage' }),
  'cw:auth.updateUser': channel({ input: UpdateUserInput, output: User, access: 'users.manage' }),
  'cw:auth.resetPassword': channel({
    input: z.object({ id: Id, password: Password }),
    output: none,
    access: 'users.manage',
  }),
} as const;

export const authEvents = {
  /** Sign-in, sign-out, lock, unlock, shift start or end: the session as the renderer shows it. */
  'cw:auth.changed': SessionState,
} as const;
