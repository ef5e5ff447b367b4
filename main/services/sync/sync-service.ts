import type { SyncStatusView } from '../../../preload/contract/schemas/sync';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Store } from '../store/types';
import { hubOrigin } from '../../../preload/contract/hub-url';
import type { FetchLike } from './hub-client';
import { type BoundHubToken, HubTokenFile } from './hub-token-file';
import { hubTlsFetch, type HubTrust } from './hub-tls-fetch';
import { type BlobSource, type QuarantinedChange, SyncEngine, type SyncStatus } from './sync-engine';

export interface SyncServiceOptions {
  dataDir: string;
  store: Store;
  clock: Clock;
  /** settings.hubUrl: '' means standalone. */
  hubUrl: () => string;
  /** A private CA and/or key pin for the hub (settings.hubCaCertificate, settings.hubPin). */
  hubTrust?: () => HubTrust;
  /** Told when pulled changes were set aside (they failed their schema or the database's rules). */
  onQuarantine?: (changes: QuarantinedChange[]) => void;
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
  #token: BoundHubToken | null;
  #pendingWatch: NodeJS.Timeout | null = null;
  #lastPending = -1;

  constructor(private readonly options: SyncServiceOptions) {
    this.#tokens = new HubTokenFile(options.dataDir);
    this.#token = this.#tokens.read();
    const origin = hubOrigin(options.hubUrl());
    if (this.#token && this.#token.origin === '' && origin) {
      // A token stored before tokens were bound was entered for the hub configured then: bind it there.
      this.#token = { ...this.#token, origin };
      this.#tokens.write(this.#token);
    }
    this.engine = new SyncEngine({
      store: options.store,
      clock: options.clock,
      hub: () => {
        const url = options.hubUrl();
        const token = this.#tokenFor(url);
        return options.enabled && !this.#refusal() && url && token ? { url, token } : null;
      },
      fetch: ((input, init) => this.#fetch()(input, init)) as FetchLike,
      onQuarantine: options.onQuarantine,
      blobs: options.blobs,
      auditHead: options.auditHead,
      onStatus: () => options.onStatusChanged?.(),
      onError: options.onError,
      onHubContact: options.onHubContact,
    });
  }

  /** The token if it was issued for this URL's origin: a token is never sent to another hub. */
  #tokenFor(url: string): string | null {
    const origin = hubOrigin(url);
    return this.#token && origin && this.#token.origin === origin ? this.#token.token : null;
  }

  #fetch(): FetchLike {
    const trust = this.options.hubTrust?.();
    return trust && (trust.caCertificate || trust.pin) ? hubTlsFetch(trust) : fetch;
  }

  /**
   * The hub URL setting changed: a token bound to another origin is removed,
   * so pointing the workstation at another hub needs a new enrolment there.
   */
  hubUrlChanged(url: string): void {
    if (!this.#token || this.#token.origin === hubOrigin(url)) return;
    this.#tokens.write(null);
    this.#token = null;
    this.options.onStatusChanged?.();
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
      return {
        ...status,
        state: 'standalone',
        hubUrl: this.options.hubUrl(),
        tokenSet: this.#token !== null,
        neverSyncs: refusal,
      };
    const hubUrl = this.options.enabled ? this.options.hubUrl() : '';
    const tokenSet = this.#tokenFor(hubUrl) !== null;
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

  /** Stores a token for the configured hub's origin ('' removes it); the hub URL comes first. Refused on a profile that never syncs. */
  async setDeviceToken(token: string): Promise<SyncStatusView> {
    if (token) this.#refuseIfNeverSyncs();
    const origin = hubOrigin(this.options.hubUrl());
    if (token && !origin)
      throw new ServiceError(
        'FAILED_PRECONDITION',
        'Set the hub URL first: a device token is bound to the hub it was issued for and is only ever sent there.',
      );
    this.#token = token ? { token, origin } : null;
    this.#tokens.write(this.#token);
    this.engine.kick();
    this.options.onStatusChanged?.();
    return this.status();
  }
}
