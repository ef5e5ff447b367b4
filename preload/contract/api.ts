/**
 * The API the renderer sees as `window.clearway`, whichever host it runs in.
 * The Electron preload and the renderer's WebSocket transport both build it with
 * `createClearwayApi` from a raw transport, so feature code never knows the host.
 */
import type { ChannelInput, ChannelName, ChannelOutput, Envelope, ErrorCode, ErrorShape, EventName, EventPayload } from './';

export interface ClearwayApi {
  readonly host: 'electron' | 'web';
  invoke<C extends ChannelName>(channel: C, ...input: OptionalInput<C>): Promise<ChannelOutput<C>>;
  /** Subscribes to an event; returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Channels whose input is `undefined` can be called without an argument. */
export type OptionalInput<C extends ChannelName> =
  undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** What a host has to provide: send a call and get its envelope back; deliver events. */
export interface RawTransport {
  readonly host: 'electron' | 'web';
  call(channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * The `window.clearway` global in both hosts: the typed API plus the raw transport.
 * contextBridge copies thrown Errors without their custom properties, so the
 * renderer builds its API in its own world from `call`/`subscribe` (plain
 * envelopes) to get real ClearwayError instances with their codes.
 */
export type ClearwayBridge = ClearwayApi & RawTransport;

export class ClearwayError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorShape['issues'];
  readonly retryAfterSeconds: ErrorShape['retryAfterSeconds'];

  constructor(shape: ErrorShape) {
    super(shape.message);
    this.name = 'ClearwayError';
    this.code = shape.code;
    this.issues = shape.issues;
    this.retryAfterSeconds = shape.retryAfterSeconds;
  }
}

export function createClearwayApi(transport: RawTransport): ClearwayApi {
  return {
    host: transport.host,
    async invoke(channel, ...input) {
      const envelope = await transport.call(channel, input[0]);
      if (!envelope.ok) throw new ClearwayError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
}
