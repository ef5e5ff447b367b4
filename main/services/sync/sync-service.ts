import type { SyncStatusView } from '../../../preload/contract/schemas/sync';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
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
  /** Why this profile must never sync, or null when it may; read before every round (a profile can become a demo at setup). */
  refusal?: () => SyncRefusal | null;
  blobs?: BlobSource;
  auditHead?: () => Promise<{ seq: number; head: string } | null>;
  onStatusChanged?: () => void;
  onError?: (error: unknown) => void;
  /** Whether the last round reached the hub (see SyncEngineOptions.onHubContact). */
  onHubContact?: (reachable: boolean) => void;
  /** How often the outbox count is checked for new local changes (ms). */
  pendingWatchMs?: number;
}

/** Why a profile never syncs: a demo profile's accounts share a password published on the login screen. */
export type SyncRefusal = NonNullable<SyncStatusView['neverSyncs']>;

export const REFUSAL_MESSAGES: Record<SyncRefusal, string> = {
  'demo-profile':
    'This is a demo profile: its demo accounts share a password published on the login screen, so it never syncs with a hub. For live work, set up a new profile without demo data.',
};

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
        return options.enabled && !this.#refusal() && url && this.#token ? { url, token: this.#token } : null;
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

  #refusal(): SyncRefusal | null {
    return this.options.refusal?.() ?? null;
  }

  #refuseIfNeverSyncs(): void {
    const refusal = this.#refusal();
    if (refusal) throw new ServiceError('FAILED_PRECONDITION', REFUSAL_MESSAGES[refusal]);
  }

  async status(): Promise<SyncStatusView> {
    const status: SyncStatus = await this.engine.status();
    const refusal = this.#refusal();
    if (refusal)
      return { ...status, state: 'standalone', hubUrl: this.options.hubUrl(), tokenSet: this.#token !== '', neverSyncs: refusal };
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
    this.#refuseIfNeverSyncs();
    await this.engine.syncOnce().catch((error: unknown) => this.options.onError?.(error));
    return this.status();
  }

  /** Storing a token on a profile that never syncs is refused; removing one is always allowed. */
  setDeviceToken(token: string): Promise<SyncStatusView> {
    if (token) this.#refuseIfNeverSyncs();
    this.#tokens.write(token);
    this.#token = token;
    this.engine.kick();
    this.options.onStatusChanged?.();
    return this.status();
  }
}
