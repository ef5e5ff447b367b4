import type { AppStatus } from '../../../preload/schemas/app';
import type { Clock } from '../clock';

export type HubProbe = (hubUrl: string) => Promise<boolean>;

export interface AppStatusOptions {
  clock: Clock;
  hubUrl: () => string;
  /** Whether the hub answers; injectable for tests. */
  probeHub?: HubProbe;
  onChanged: (status: AppStatus) => void;
  /** How long a probe result is reused (status is polled by the status bar). */
  cacheMs?: number;
}

/**
 * Online and sync state for the status bar. Honest and simple until the sync
 * issue lands: without a hub the workstation is standalone and online; with one
 * it is online when the hub answers. Cameras stay 0 until the port-view issue.
 */
export class AppStatusMonitor {
  #last: AppStatus | null = null;
  #probe: { hubUrl: string; at: number; reachable: boolean } | null = null;

  constructor(private readonly options: AppStatusOptions) {}

  async get(): Promise<AppStatus> {
    const hubUrl = this.options.hubUrl();
    const reachable = hubUrl ? await this.#hubReachable(hubUrl) : true;
    const status: AppStatus = {
      online: reachable,
      sync: { state: !hubUrl ? 'standalone' : reachable ? 'idle' : 'offline', pending: 0, lastSyncAt: null },
      cameras: { total: 0, live: 0, stalled: 0, failed: 0 },
    };
    if (JSON.stringify(status) !== JSON.stringify(this.#last)) {
      const first = this.#last === null;
      this.#last = status;
      if (!first) this.options.onChanged(status);
    }
    return status;
  }

  /** Forget the cached probe (the hub URL changed). */
  invalidate(): void {
    this.#probe = null;
  }

  async #hubReachable(hubUrl: string): Promise<boolean> {
    const now = this.options.clock.now().getTime();
    const cached = this.#probe;
    if (cached && cached.hubUrl === hubUrl && now - cached.at < (this.options.cacheMs ?? 15_000)) return cached.reachable;
    const reachable = await (this.options.probeHub ?? probeHubOverHttp)(hubUrl);
    this.#probe = { hubUrl, at: now, reachable };
    return reachable;
  }
}

/** Any HTTP answer within 3 s counts as reachable; only network failures count as offline. */
export async function probeHubOverHttp(hubUrl: string): Promise<boolean> {
  try {
    await fetch(hubUrl, { method: 'HEAD', signal: AbortSignal.timeout(3000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}
