import type { SyncStatusView } from '../../../preload/contract/schemas/sync';
import type { Clock } from '../clock';
import type { Store } from '../store/types';
import { HubTokenFile } from './hub-token-file';
import { type BlobSource, SyncEngine, type SyncStatus } from './sync-engine';

export interface SyncServiceOptions {
  dataDir: string;
  store: Store;
  clock: Clock;
  /** settings.hubUrl: '' means standalone. */
  hubUrl: () => string;
  /** Training databases never sync: they must not mix with live data. */
  enabled: boolean;
  blobs?: BlobSource;
  auditHead?: () => Promise<{ seq: number; head: string } | null>;
  onStatusChanged?: () => void;
  onError?: (error: unknown) => void;
  /** Whether the last round reached the hub (see SyncEngineOptions.onHubContact). */
  onHubContact?: (reachable: boolean) => void;
  /** How often the outbox count is checked for new local changes (ms). */
  pendingWatchMs?: number;
}

/**
 * The workstation's sync: the engine driven by the hub URL setting and the
 * device token file. With no hub URL it stays standalone: mutations still go
 * to the outbox, so configuring a hub later sends all earlier work.
 */
export class SyncService {
  readonly engine: SyncEngine;
  readonly #tokens: HubTokenFile;
  #token: string;
  #pendingWatch: NodeJS.Timeout | null = null;
  #lastPending = -1;

  constructor(private readonly options: SyncServiceOptions) {
    this.#tokens = new HubTokenFile(options.dataDir);
    this.#token = this.#tokens.read();
    this.engine = new SyncEngine({
      store: options.store,
      clock: options.clock,
      hub: () => {
        const url = options.hubUrl();
        return options.enabled && url && this.#token ? { url, token: this.#token } : null;
      },
      blobs: options.blobs,
      auditHead: options.auditHead,
      onStatus: () => options.onStatusChanged?.(),
      onError: options.onError,
      onHubContact: options.onHubContact,
    });
  }

  start(): void {
    if (!this.options.enabled) return;
    this.engine.start();
    // Areas write mutations without telling sync; a cheap count notices them, so the
    // status bar's pending figure follows local work and a round starts soon after.
    this.#pendingWatch = setInterval(() => void this.#watchPending(), this.options.pendingWatchMs ?? 2000);
    this.#pendingWatch.unref?.();
  }

  stop(): Promise<void> {
    if (this.#pendingWatch) clearInterval(this.#pendingWatch);
    this.#pendingWatch = null;
    return this.engine.stop();
  }

  async #watchPending(): Promise<void> {
    try {
      const { pending } = await this.engine.status();
      if (pending === this.#lastPending) return;
      const grew = pending > this.#lastPending && this.#lastPending >= 0;
      this.#lastPending = pending;
      this.options.onStatusChanged?.();
      if (grew) this.engine.kick();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async status(): Promise<SyncStatusView> {
    const status: SyncStatus = await this.engine.status();
    const hubUrl = this.options.enabled ? this.options.hubUrl() : '';
    const tokenSet = this.#token !== '';
    if (hubUrl && !tokenSet)
      return {
        ...status,
        state: 'error',
        lastError: 'A hub is configured but this workstation has no device token: a supervisor enters it in Settings.',
        hubUrl,
        tokenSet,
      };
    return { ...status, hubUrl, tokenSet };
  }

  /** One round now; a failure is reported in the status (lastError), not thrown: offline is normal. */
  async syncNow(): Promise<SyncStatusView> {
    await this.engine.syncOnce().catch((error: unknown) => this.options.onError?.(error));
    return this.status();
  }

  setDeviceToken(token: string): Promise<SyncStatusView> {
    this.#tokens.write(token);
    this.#token = token;
    this.engine.kick();
    this.options.onStatusChanged?.();
    return this.status();
  }
}
