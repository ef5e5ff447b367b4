/**
 * An area is one module of the workstation (auth, queue, gate…): one folder under
 * main/services/, one channel file under preload/contract/channels/, one feature
 * folder in the renderer. Its factory, createXArea(core, deps), builds the area's
 * services and returns its handlers and lifecycle; index.ts lists the areas in
 * the order they are built and joins them here.
 */
import { channelNames, type ChannelName } from '../../preload/contract';
import type { Handlers, HandlersFor } from './handlers';

export interface Area<M = unknown> {
  readonly handlers: HandlersFor<M>;
  /** Runs once every area is built (background work, watchers, start-up repairs). */
  start?(): Promise<void> | void;
  /** Runs at close, in the reverse order of the list. */
  stop?(): Promise<void> | void;
}

export interface JoinedAreas {
  handlers: Handlers;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Joins the areas' handlers into one map; a channel registered twice, or by no area, is a build error at start-up. */
export function joinAreas(areas: readonly Area[]): JoinedAreas {
  const handlers: Partial<Record<string, unknown>> = {};
  for (const area of areas) {
    for (const [channel, handler] of Object.entries(area.handlers as Record<string, unknown>)) {
      if (Object.hasOwn(handlers, channel)) throw new Error(`Channel ${channel} is registered by two areas`);
      handlers[channel] = handler;
    }
  }
  const missing = channelNames.filter((name: ChannelName) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No area handles ${missing.join(', ')}`);
  return {
    handlers: handlers as Handlers,
    async start() {
      for (const area of areas) await area.start?.();
    },
    async stop() {
      for (const area of [...areas].reverse()) await area.stop?.();
    },
  };
}
