import type { ClearwayApi } from '../../preload/contract/api';

/**
 * The one connection to the services, set once at start-up by main.tsx.
 * Feature code calls `clearway().invoke(...)` and never knows which host answers.
 */
let api: ClearwayApi | null = null;

export function setClearway(next: ClearwayApi): void {
  api = next;
}

export function clearway(): ClearwayApi {
  if (!api) throw new Error('Clearway is not connected yet');
  return api;
}
