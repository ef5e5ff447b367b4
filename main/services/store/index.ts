/** The durable store: see types.ts for the contract and engine.ts for the design. */
export { openStore } from './client';
export { resolveWorkerEntry } from './worker-path';
export type * from './types';
