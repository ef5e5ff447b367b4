/**
 * A ServiceHost for host-level tests: every handler records its call and answers
 * with whatever the test set for that channel; session and events are in the
 * test's hands. The real services are tested on their own.
 */
import type { ChannelName, EventName, EventPayload } from '../../../preload/contract';
import type { Role, User } from '../../../preload/contract/schemas/auth';
import type { Mode } from '../../../preload/contract/schemas/common';
import type { EventListener, Handlers, ServiceHost, SessionView } from '../../../main/services/handlers';
import { sessionOf, testUser } from '../../support/users';

export type Reply = (input: unknown) => unknown;

export interface FakeServiceHost extends ServiceHost {
  readonly calls: { channel: string; input: unknown }[];
  reply(channel: ChannelName, reply: Reply): void;
  setSession(session: SessionView): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  readonly closed: boolean;
}

/** The host tests' name for testUser(role). */
export function userWithRole(role: Role): User {
  return testUser(role);
}

export function fakeServiceHost(session: SessionView = sessionOf(null), mode: Mode = 'live'): FakeServiceHost {
  const calls: { channel: string; input: unknown }[] = [];
  const replies = new Map<string, Reply>();
  const listeners = new Set<EventListener>();
  let current = session;
  let closed = false;

  const handlers = new Proxy({} as Handlers, {
    get(_target, channel) {
      if (typeof channel !== 'string') return undefined;
      return async (input: unknown) => {
        calls.push({ channel, input });
        const reply = replies.get(channel);
        if (!reply) throw new Error(`fake host has no reply for ${channel}`);
        return reply(input);
      };
    },
  });

  return {
    handlers,
    mode,
    calls,
    session: () => current,
    setSession(next) {
      current = next;
    },
    reply(channel, reply) {
      replies.set(channel, reply);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    async close() {
      closed = true;
    },
    get closed() {
      return closed;
    },
  };
}
