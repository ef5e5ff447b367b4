import type { z } from 'zod';
import type { User } from '../../preload/contract/schemas/auth';
import type { Mode } from '../../preload/contract/schemas/common';
import type { ChannelName, ChannelOutput, Channels, EventName, EventPayload } from '../../preload/contract';

/** The parsed input a handler receives (after zod defaults and transforms). */
export type HandlerInput<C extends ChannelName> = z.output<Channels[C]['input']>;

/**
 * Where a call came from, as the host saw it: the peer address of the web host's
 * connection, or ELECTRON_ORIGIN for the Electron window. The sign-in throttle counts
 * failures per origin; nothing else may trust it for access (the session decides that).
 */
export interface CallOrigin {
  source: string;
}

/** The Electron window: one workstation, one source. */
export const ELECTRON_ORIGIN: CallOrigin = { source: 'electron-window' };
/** Calls made in-process (the command line, tests) with no host in between. */
export const LOCAL_ORIGIN: CallOrigin = { source: 'local' };

/** One implementation per contract channel; hosts dispatch to these and nothing else. */
export type Handlers = { [C in ChannelName]: (input: HandlerInput<C>, origin?: CallOrigin) => Promise<ChannelOutput<C>> };

/** The handlers of one area's channel map (preload/contract/channels/<area>.ts), e.g. HandlersFor<typeof queueChannels>. */
export type HandlersFor<M> = {
  [C in keyof M & ChannelName]: (input: HandlerInput<C>, origin?: CallOrigin) => Promise<ChannelOutput<C>>;
};

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Who is at the workstation now: the dispatcher checks each channel's access against it. */
export interface SessionView {
  user: User | null;
  locked: boolean;
}

/** Everything a host needs from the services: built by createServices() in main/services/index.ts. */
export interface ServiceHost {
  readonly handlers: Handlers;
  /** Live or training: trainers and trainees hold work rights on training data only. */
  readonly mode: Mode;
  session(): SessionView;
  /** Subscribes to service events (broadcast by the host to every window/connection). */
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
