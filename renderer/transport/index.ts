/**
 * Picks the host at start-up: Electron's preload has already put `window.clearway`
 * in place; anywhere else (the web host in Chromium) the WebSocket transport builds
 * the same bridge and installs it there too, so the global looks alike in both hosts.
 * Either way the API is built here, in the page's world, so errors keep their codes.
 */
import { ClearwayError, createClearwayApi, type ClearwayApi } from '../../preload/contract/api';
import { createWebSocketTransport } from './webSocketTransport';

/** How long start-up waits for the web host before showing the boot error. */
const CONNECT_TIMEOUT_MS = 10_000;

let connecting: Promise<ClearwayApi> | null = null;

export function connectClearway(): Promise<ClearwayApi> {
  connecting ??= connect();
  return connecting;
}

async function connect(): Promise<ClearwayApi> {
  if (window.clearway) return createClearwayApi(window.clearway);
  const transport = createWebSocketTransport();
  try {
    await transport.whenConnected(CONNECT_TIMEOUT_MS);
  } catch (error) {
    transport.close();
    connecting = null;
    throw new ClearwayError({ code: 'UNAVAILABLE', message: (error as Error).message });
  }
  const api = createClearwayApi(transport);
  window.clearway = { ...api, call: transport.call, subscribe: transport.subscribe };
  return api;
}
