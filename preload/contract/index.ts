/**
 * The one IPC contract. Every channel is `cw:<area>.<verb>` with zod schemas for
 * its input and output and the access it needs; every event `cw:<area>.<what>`
 * has a payload schema. Each area declares its channels and events in
 * channels/<area>.ts (its schemas in schemas/<area>.ts); this file joins them into
 * the one map that the Electron host, the web host, the preload, the renderer's
 * transports and the hub's clients are all derived from. A new area adds one
 * import and one line in each list below.
 */
import { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { authChannels, authEvents } from './channels/auth';
import { shiftsChannels } from './channels/shifts';
import { settingsChannels, settingsEvents } from './channels/settings';
import { auditChannels } from './channels/audit';
import { casesChannels } from './channels/cases';
import { evidenceChannels } from './channels/evidence';
import { windowsChannels, windowsEvents } from './channels/windows';
import { siteChannels, siteEvents } from './channels/site';
import { queueChannels, queueEvents } from './channels/queue';
import { riskChannels } from './channels/risk';
import { syncChannels } from './channels/sync';
import { gateChannels, gateEvents } from './channels/gate';
import { approvalsChannels, approvalsEvents } from './channels/approvals';
import { recognitionChannels, recognitionEvents } from './channels/recognition';

export type { Access } from './channel';

export const channels = {
  ...appChannels,
  ...authChannels,
  ...shiftsChannels,
  ...settingsChannels,
  ...auditChannels,
  ...casesChannels,
  ...evidenceChannels,
  ...windowsChannels,
  ...siteChannels,
  ...queueChannels,
  ...riskChannels,
  ...syncChannels,
  ...gateChannels,
  ...approvalsChannels,
  ...recognitionChannels,
} as const;

export const events = {
  ...appEvents,
  ...authEvents,
  ...settingsEvents,
  ...windowsEvents,
  ...siteEvents,
  ...queueEvents,
  ...gateEvents,
  ...approvalsEvents,
  ...recognitionEvents,
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
  /** For UNAVAILABLE from the sign-in throttle: seconds until the next attempt is allowed. */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

/** What crosses the wire for every call: never a thrown Error (IPC would lose its type). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };
