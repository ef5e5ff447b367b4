/**
 * The Electron side of the contract: every channel is registered on ipcMain here,
 * through one wrapper that refuses callers other than the app's own top-level
 * document and hands everything else to the shared dispatcher. Service events are
 * pushed to every app window under their contract names. This is one of the two
 * files allowed to touch raw IPC (see eslint.config.mjs).
 */
import { BrowserWindow, ipcMain, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, type Envelope } from '../../preload/contract';
import { APP_ORIGIN, isTrustedUrl } from '../security/app-origin';
import { ELECTRON_ORIGIN, type ServiceHost } from '../services/handlers';
import { createDispatcher, type Dispatch, type DispatchLog } from './dispatch';

/** What the wrapper needs to know about the frame that sent a call. */
export interface SenderFrameView {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * A call is trusted only from a live, top-level frame showing the app. A null frame
 * means it navigated or was destroyed while the call was in flight; a subframe or
 * any other origin is never the app.
 */
export function isTrustedSender(
  frame: SenderFrameView | null | undefined,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
): boolean {
  if (!frame) return false;
  try {
    return frame.parent === null && isTrustedUrl(frame.url, trustedOrigins);
  } catch {
    // WebFrameMain throws when read after its frame was disposed.
    return false;
  }
}

export const forbiddenSender: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'Refused: the call did not come from the Clearway window' },
};

const internalFailure: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Internal error in the Electron host' },
};

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The one wrapper every channel goes through: sender check, then the dispatcher. Never throws. */
export function guardInvoke(dispatch: Dispatch, trustedOrigins: readonly string[] = [APP_ORIGIN]) {
  return async (event: InvokeEvent, channel: string, rawInput: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame, trustedOrigins)) return forbiddenSender;
    try {
      return await dispatch(channel, rawInput, ELECTRON_ORIGIN);
    } catch (error) {
      // The dispatcher promises envelopes; a thrown error would reach the renderer as an untyped string.
      console.error(`[clearway] dispatch failed on ${channel}`, error);
      return internalFailure;
    }
  };
}

/** Registers every contract channel (and nothing else); returns the unregister. */
export function registerContractChannels(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
): () => void {
  const invoke = guardInvoke(dispatch, trustedOrigins);
  for (const channel of channelNames) {
    // Only the first argument is the input; extra arguments from a tampered renderer are dropped.
    ipc.handle(channel, (event, rawInput: unknown) => invoke(event, channel, rawInput));
  }
  return () => {
    for (const channel of channelNames) ipc.removeHandler(channel);
  };
}

type EventTarget = Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;

/**
 * Sends each service event to every app page, on the event's contract name (the
 * preload listens on exactly those names). Pages not on the app origin get nothing.
 */
export function broadcastServiceEvents(
  host: Pick<ServiceHost, 'onEvent'>,
  targets: () => Iterable<EventTarget>,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
): () => void {
  return host.onEvent((event, payload) => {
    for (const contents of targets()) {
      if (contents.isDestroyed() || !isTrustedUrl(contents.getURL(), trustedOrigins)) continue;
      contents.send(event, payload);
    }
  });
}

export interface ElectronHost {
  /** Unregisters the channels and stops broadcasting; call before closing the services. */
  stop(): void;
}

/** Connects the services to Electron's IPC and windows. */
export function startElectronHost(
  host: ServiceHost,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
  log?: DispatchLog,
): ElectronHost {
  const unregister = registerContractChannels(ipcMain, createDispatcher(host, log), trustedOrigins);
  const unsubscribe = broadcastServiceEvents(
    host,
    () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    trustedOrigins,
  );
  return {
    stop() {
      unsubscribe();
      unregister();
    },
  };
}
