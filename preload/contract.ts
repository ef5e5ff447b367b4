/**
 * The one IPC contract. Every channel is `cw:<area>.<verb>` with zod schemas for
 * its input and output and the access it needs; every event has a payload schema.
 * The Electron host, the web host, the preload and the renderer's transports are
 * all derived from these two maps: add a channel here and nowhere else by hand.
 */
import { z } from 'zod';
import { AppInfo, AppStatus, DiagnosticsResult, ExternalUrlInput, Notice } from './schemas/app';
import { AuditEntry, AuditListInput } from './schemas/audit';
import {
  CreateUserInput,
  LoginInput,
  Password,
  Role,
  SessionState,
  SetupInput,
  UpdateUserInput,
  User,
} from './schemas/auth';
import { Id } from './schemas/common';
import { Settings, SettingsPatch } from './schemas/settings';
import { EndShiftInput, Shift, StartShiftInput } from './schemas/shifts';

/**
 * Who may call a channel:
 * - `public`: anyone, also before sign-in and while locked (state, sign-in, settings read);
 * - `locked`: a signed-in user, also while the screen is locked (unlock, logout);
 * - `session`: a signed-in, unlocked user;
 * - a list of roles: a signed-in, unlocked user with one of those roles.
 */
export type Access = 'public' | 'locked' | 'session' | readonly Role[];

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

const none = z.undefined();

export const channels = {
  // app
  'cw:app.info': channel({ input: none, output: AppInfo, access: 'public' }),
  'cw:app.status': channel({ input: none, output: AppStatus, access: 'public' }),
  'cw:app.notices': channel({ input: none, output: z.array(Notice), access: 'public' }),
  'cw:app.dismissNotice': channel({ input: z.object({ id: Id }), output: none, access: 'session' }),
  'cw:app.exportDiagnostics': channel({ input: none, output: DiagnosticsResult, access: 'session' }),
  'cw:app.openExternal': channel({ input: ExternalUrlInput, output: none, access: 'session' }),

  // auth and accounts
  'cw:auth.state': channel({ input: none, output: SessionState, access: 'public' }),
  'cw:auth.setup': channel({ input: SetupInput, output: SessionState, access: 'public' }),
  'cw:auth.login': channel({ input: LoginInput, output: SessionState, access: 'public' }),
  'cw:auth.logout': channel({ input: none, output: SessionState, access: 'locked' }),
  'cw:auth.lock': channel({ input: none, output: SessionState, access: 'session' }),
  'cw:auth.unlock': channel({ input: z.object({ password: z.string().min(1).max(256) }), output: SessionState, access: 'locked' }),
  /** The renderer reports keyboard/pointer activity (throttled) so the idle lock can run in one place. */
  'cw:auth.activity': channel({ input: none, output: none, access: 'session' }),
  'cw:auth.changePassword': channel({
    input: z.object({ current: z.string().min(1).max(256), next: Password }),
    output: none,
    access: 'session',
  }),
  'cw:users.list': channel({ input: none, output: z.array(User), access: ['supervisor'] }),
  'cw:users.create': channel({ input: CreateUserInput, output: User, access: ['supervisor'] }),
  'cw:users.update': channel({ input: UpdateUserInput, output: User, access: ['supervisor'] }),
  'cw:users.resetPassword': channel({
    input: z.object({ id: Id, password: Password }),
    output: none,
    access: ['supervisor'],
  }),

  // shifts
  'cw:shifts.current': channel({ input: none, output: Shift.nullable(), access: 'session' }),
  'cw:shifts.lastHandover': channel({ input: none, output: Shift.nullable(), access: 'session' }),
  'cw:shifts.start': channel({ input: StartShiftInput, output: Shift, access: 'session' }),
  'cw:shifts.end': channel({ input: EndShiftInput, output: Shift, access: 'session' }),
  'cw:shifts.list': channel({
    input: z.object({ limit: z.number().int().min(1).max(500) }),
    output: z.array(Shift),
    access: 'session',
  }),

  // settings
  'cw:settings.get': channel({ input: none, output: Settings, access: 'public' }),
  'cw:settings.update': channel({ input: SettingsPatch, output: Settings, access: 'session' }),

  // audit
  'cw:audit.list': channel({ input: AuditListInput, output: z.array(AuditEntry), access: ['supervisor'] }),
} as const;

export const events = {
  'cw:auth.changed': SessionState,
  'cw:app.statusChanged': AppStatus,
  'cw:app.notice': Notice,
  'cw:settings.changed': Settings,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Error codes every host returns in the same envelope; the renderer switches on them. */
export const ErrorCode = z.enum([
  'INVALID_ARGUMENT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'SETUP_REQUIRED',
  'SETUP_DONE',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For INVALID_ARGUMENT: which field and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

/** What crosses the wire for every call: never a thrown Error (IPC would lose its type). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };
