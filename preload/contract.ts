/**
 * The one IPC contract. Every channel is `cw:<area>.<verb>` with zod schemas for
 * its input and output and the access it needs; every event has a payload schema.
 * Each area declares its channels in preload/channels/<area>.ts; this file joins
 * them into the one map that the Electron host, the web host, the preload and the
 * renderer's transports are all derived from. Add a channel there and nowhere else by hand.
 */
import { z } from 'zod';
import { appChannels } from './channels/app';
import { auditChannels } from './channels/audit';
import { declarationsChannels } from './channels/declarations';
import { riskChannels } from './channels/risk';
import { syncChannels } from './channels/sync';
import { authChannels } from './channels/auth';
import { casesChannels } from './channels/cases';
import { settingsChannels } from './channels/settings';
import { siteChannels } from './channels/site';
import { shiftsChannels } from './channels/shifts';
import { windowsChannels } from './channels/windows';
import { gateChannels } from './channels/gate';
import { AppStatus, Notice } from './schemas/app';
import { SessionState } from './schemas/auth';
import { DeclarationsChanged, ImportProgress } from './schemas/queue';
import { GateEvent } from './schemas/gate';
import { Settings } from './schemas/settings';
import { SiteDocument } from './schemas/site';
import { Selection } from './schemas/windows';

export type { Access } from './channel';

export const channels = {
  ...appChannels,
  ...authChannels,
  ...shiftsChannels,
  ...settingsChannels,
  ...auditChannels,
  ...casesChannels,
  ...windowsChannels,
  ...siteChannels,
  ...declarationsChannels,
  ...riskChannels,
  ...syncChannels,
  ...gateChannels,
} as const;


export const events = {
  'cw:auth.changed': SessionState,
  'cw:app.statusChanged': AppStatus,
  'cw:app.notice': Notice,
  'cw:settings.changed': Settings,
  /** A supervisor saved the site: every window reloads cameras and geometry. */
  'cw:site.changed': SiteDocument,
  'cw:selection.changed': Selection,
  'cw:declarations.importProgress': ImportProgress,
  'cw:declarations.changed': DeclarationsChanged,
  /** A vehicle was recorded arriving at or leaving a gate lane (by an officer or by recognition). */
  'cw:gate.recorded': GateEvent,
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
