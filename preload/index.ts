/**
 * The sandboxed preload: exposes `window.clearway` built from the contract. Only
 * contract channels reach ipcRenderer.invoke and only contract events are listened
 * to; neither ipcRenderer nor Electron's event object ever crosses into the page.
 * One of the two files allowed to touch raw IPC (see eslint.config.mjs).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createClearwayApi, type ClearwayBridge, type RawTransport } from './contract/api';
import { isChannelName, isEventName, type Envelope } from './contract';

type Ipc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

function refused(message: string): Envelope<never> {
  return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message } };
}

export function createIpcTransport(ipc: Ipc): RawTransport {
  return {
    host: 'electron',
    async call(channel, input) {
      // The type says ChannelName, but the page can pass anything at run time.
      if (!isChannelName(channel)) return refused(`Unknown channel: ${String(channel).slice(0, 100)}`);
      return (await ipc.invoke(channel, input)) as Envelope<unknown>;
    },
    subscribe(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
      // The wrapper drops Electron's event object (it holds the sender); unsubscribing removes exactly it.
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}

export function createBridge(ipc: Ipc): ClearwayBridge {
  const transport = createIpcTransport(ipc);
  const api = createClearwayApi(transport);
  // Fresh functions, so nothing but these four members is reachable from the page.
  return {
    host: transport.host,
    invoke: (channel, ...input) => api.invoke(channel, ...input),
    on: (event, listener) => api.on(event, listener),
    call: (channel, input) => transport.call(channel, input),
    subscribe: (event, listener) => transport.subscribe(event, listener),
  };
}

contextBridge.exposeInMainWorld('clearway', createBridge(ipcRenderer));
