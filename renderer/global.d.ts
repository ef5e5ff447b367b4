import type { ClearwayBridge } from '../preload/contract/api';

declare global {
  interface Window {
    /** Set by the Electron preload, or by renderer/transport in the web host. */
    clearway?: ClearwayBridge;
  }
}

export {};
