import type { AppStatus } from '../../../preload/contract/schemas/app';
import type { Clock } from '../clock';

type CameraCounts = AppStatus['cameras'];

/** Windows report at least every 10 s while they show cameras; silence longer than this means gone. */
export const CAMERA_REPORT_TTL_MS = 30_000;

export type HubProbe = (hubUrl: string) => Promise<boolean>;

export interface AppStatusOptions {
  clock: Clock;
  hubUrl: () => string;
  /** Whether the hub answers; injectable for tests. */
  probeHub?: HubProbe;
  onChanged: (status: AppStatus) => void;
  /** How long a probe result is reused (status is polled by the status bar). */
  cacheMs?: number;
  /** The sync engine's state, pending count and last sync (main/services/sync); absent: derived from the probe. */
  syncStatus?: () => Promise<AppStatus['sync']>;
}

/**
 * Online and sync state for the status bar. Honest and simple until the sync
 * issue lands: without a hub the workstation is standalone and online; with one
 * it is online when the hub answers. Cameras are what each window's camera
 * sources last reported (cw:site.reportCameraHealth), summed over the windows.
 */
export class AppStatusMonitor {
  #last: AppStatus | null = null;
  #probe: { hubUrl: string; at: number; reachable: boolean } | null = null;
  readonly #cameraReports = new Map<string, { counts: CameraCounts; at: number }>();

  constructor(private readonly options: AppStatusOptions) {}

  async get(): Promise<AppStatus> {
    const hubUrl = this.options.hubUrl();
    const reachable = hubUrl ? await this.#hubReachable(hubUrl) : true;
    const sync = this.options.syncStatus
      ? await this.options.syncStatus()
      : {
          state: !hubUrl ? ('standalone' as const) : reachable ? ('idle' as const) : ('offline' as const),
          pending: 0,
          lastSyncAt: null,
        };
    const status: AppStatus = {
      online: reachable && sync.state !== 'offline',
      sync,
      cameras: this.#cameras(),
    };
    if (JSON.stringify(status) !== JSON.stringify(this.#last)) {
      const first = this.#last === null;
      this.#last = status;
      if (!first) this.options.onChanged(status);
    }
    return status;
  }

  /**
   * One window's camera health; a window that stops reporting (closed, crashed)
   * drops out after CAMERA_REPORT_TTL_MS. Emits cw:app.statusChanged when the sum changes.
   */
  reportCameras(reporterId: string, counts: CameraCounts): void {
    this.#cameraReports.set(reporterId, { counts, at: this.options.clock.now().getTime() });
    void this.get();
  }

  #cameras(): CameraCounts {
    const now = this.options.clock.now().getTime();
    const sum: CameraCounts = { total: 0, live: 0, stalled: 0, failed: 0 };
    for (const [reporterId, report] of this.#cameraReports) {
      if (now - report.at > CAMERA_REPORT_TTL_MS) {
        this.#cameraReports.delete(reporterId);
        continue;
      }
      sum.total += report.counts.total;
      sum.live += report.counts.live;
      sum.stalled += report.counts.stalled;
      sum.failed += report.counts.failed;
    }
    return sum;
  }

  /**
   * A sync round just reached the hub or failed to: that is a fresher probe than
   * the cached one, so online/offline changes now rather than when the cache expires.
   */
  recordHubContact(reachable: boolean): void {
    const hubUrl = this.options.hubUrl();
    if (!hubUrl) return;
    this.#probe = { hubUrl, at: this.options.clock.now().getTime(), reachable };
    void this.get().catch(() => undefined);
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
