import { z } from 'zod';
import { Id, IsoTime, Mode } from './common';
import { Shift } from './shifts';

export const Role = z.enum(['officer', 'inspector', 'supervisor', 'trainer', 'trainee']);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore');

/** Length is the only rule: long passphrases beat composition rules (NIST SP 800-63B). */
export const Password = z.string().min(10).max(256);

export const User = z.object({
  id: Id,
  username: Username,
  displayName: z.string().min(1).max(80),
  role: Role,
  active: z.boolean(),
  createdAt: IsoTime,
  lastLoginAt: IsoTime.nullable(),
});
export type User = z.infer<typeof User>;

/** Orders session states: a higher revision of the same epoch (host run) is newer. */
export const SessionStamp = z.object({
  epoch: z.string().min(1).max(64),
  revision: z.number().int().nonnegative(),
});
export type SessionStamp = z.infer<typeof SessionStamp>;

export const SessionState = z.object({
  /** No account exists yet: the first-run setup must create a supervisor. */
  setupRequired: z.boolean(),
  user: User.nullable(),
  /** Signed in but locked (idle or by hand): only unlock and logout are allowed. */
  locked: z.boolean(),
  shift: Shift.nullable(),
  mode: Mode,
  stamp: SessionStamp,
});
export type SessionState = z.infer<typeof SessionState>;

export const SetupInput = z.object({
  username: Username,
  displayName: z.string().min(1).max(80),
  password: Password,
  office: z.string().min(1).max(64),
  /** Seed realistic demo data (accounts, declarations) into the fresh profile. */
  demo: z.boolean(),
});

export const LoginInput = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().min(1).max(80),
  role: Role,
  password: Password,
});

export const UpdateUserInput = z.object({
  id: Id,
  displayName: z.string().min(1).max(80).optional(),
  role: Role.optional(),
  active: z.boolean().optional(),
});
