import type { z } from 'zod';
import type { User } from '../../preload/contract/schemas/auth';
import type { Mode } from '../../preload/contract/schemas/common';
import type { ChannelName, ChannelOutput, Channels, EventName, EventPayload } from '../../preload/contract';

/** The parsed input a handler receives (after zod defaults and transforms). */
export type HandlerInput<C extends ChannelName> = z.output<Channels[C]['input']>;

/** One implementation per contract channel; hosts dispatch to these and nothing else. */
export type Handlers = { [C in ChannelName]: (input: HandlerInput<C>) => Promise<ChannelOutput<C>> };

/** The handlers of one area's channel map (preload/contract/channels/<area>.ts), e.g. HandlersFor<typeof queueChannels>. */
export type HandlersFor<M> = { [C in keyof M & ChannelName]: (input: HandlerInput<C>) => Promise<ChannelOutput<C>> };

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
