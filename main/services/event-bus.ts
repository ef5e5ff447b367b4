import type { EventName, EventPayload } from '../../preload/contract';
import type { EventListener } from './handlers';

/** Fans service events out to the host, which broadcasts them to every window or connection. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      // One failing subscriber (a closed window) must not stop the others.
      try {
        listener(event, payload);
      } catch {
        /* the host logs its own delivery failures */
      }
    }
  }
}
