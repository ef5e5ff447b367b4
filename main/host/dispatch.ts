/**
 * The one dispatcher both hosts use: channel name and raw input in, envelope out.
 * The Electron host calls it after checking the sender frame; the web host calls
 * it for every WebSocket message. It is the one guard in front of the services:
 * channel name, then access, then input, then the handler, then the output; each
 * unexpected failure is logged once, here. It never throws: every failure is an envelope.
 */
import type { z } from 'zod';
import { channels, isChannelName, type Access, type ChannelName, type Envelope, type ErrorShape } from '../../preload/contract';
import { holdsRight, refusalOf } from '../../preload/contract/rights';
import type { Mode } from '../../preload/contract/schemas/common';
import { ServiceError } from '../services/errors';
import { type CallOrigin, LOCAL_ORIGIN, type ServiceHost, type SessionView } from '../services/handlers';

/** `origin` is where the host received the call (see CallOrigin); in-process callers leave it out. */
export type Dispatch = (channel: unknown, rawInput: unknown, origin?: CallOrigin) => Promise<Envelope<unknown>>;

/** Where unexpected failures go; `stage` says whether the handler threw or returned a bad shape. */
export type DispatchLog = (error: unknown, context: { channel: string; stage: 'handler' | 'output' }) => void;

const defaultLog: DispatchLog = (error, context) => {
  console.error(`[clearway] ${context.stage} failure on ${context.channel}`, error);
};

export function createDispatcher(host: ServiceHost, log: DispatchLog = defaultLog): Dispatch {
  return async (channel, rawInput, origin = LOCAL_ORIGIN) => {
    if (!isChannelName(channel)) {
      return failure({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${describeChannel(channel)}` });
    }
    const spec = channels[channel];

    // Access first, so a caller without it learns nothing about the channel's input schema.
    const denied = checkAccess(channel, spec.access, host.session(), host.mode);
    if (denied) return failure(denied);

    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) return failure(invalidArgument(channel, parsed.error));

    let value: unknown;
    try {
      // The handler map is keyed by channel; TypeScript cannot correlate the union here.
      const handler = host.handlers[channel] as (input: unknown, origin: CallOrigin) => Promise<unknown>;
      value = await handler(parsed.data, origin);
    } catch (error) {
      if (error instanceof ServiceError) return failure(error.toShape());
      log(error, { channel, stage: 'handler' });
      return failure({ code: 'INTERNAL', message: `Internal error in ${channel}` });
    }

    // A bug guard: a handler returning the wrong shape must not reach the renderer.
    // The parsed value also drops keys the schema does not name (e.g. a password hash).
    const output = (spec.output as z.ZodType).safeParse(value);
    if (!output.success) {
      log(output.error, { channel, stage: 'output' });
      return failure({ code: 'INTERNAL', message: `Internal error in ${channel}` });
    }
    return { ok: true, value: output.data };
  };
}

/**
 * Returns the refusal for a caller without the channel's access, or null when allowed.
 * The right comes from the rights table (preload/contract/rights.ts); in training mode
 * trainers and trainees hold their stand-in roles' rights on the training database.
 */
export function checkAccess(channel: ChannelName, access: Access, session: SessionView, mode: Mode): ErrorShape | null {
  if (access === 'public') return null;
  if (!session.user) return { code: 'UNAUTHENTICATED', message: `Sign in to use ${channel}` };
  if (access === 'locked') return null;
  if (session.locked) return { code: 'LOCKED', message: `The workstation is locked: unlock it to use ${channel}` };
  if (holdsRight(session.user.role, access, mode)) return null;
  return { code: 'FORBIDDEN', message: refusalOf(session.user.role, access, mode, channel) };
}

function invalidArgument(channel: ChannelName, error: z.ZodError): ErrorShape {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  const where = first ? `${first.path || '(input)'}: ${first.message}` : 'input rejected';
  return { code: 'INVALID_ARGUMENT', message: `Invalid input for ${channel}: ${where}`, issues };
}

function describeChannel(channel: unknown): string {
  // Bounded and typed, so a hostile name cannot flood the message or the log.
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 100)) : `(${typeof channel})`;
}

function failure(error: ErrorShape): Envelope<never> {
  return { ok: false, error };
}
