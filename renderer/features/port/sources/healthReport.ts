/**
 * This window's camera health, sent to the main process (cw:site.reportCameraHealth)
 * so the status bar's AppStatus.cameras covers every window. Reports go out when
 * the counts change (debounced) and as a heartbeat while cameras are shown, since
 * the main process forgets a window that stops reporting.
 */
import { clearway } from '../../../app/clearway';
import type { CameraSource, SourceHealth } from './cameraSource';
import { summarizeHealth, type HealthCounts } from './healthSummary';

const DEBOUNCE_MS = 300;
const HEARTBEAT_MS = 10_000;

const tracked = new Set<CameraSource>();
const reporterId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `window-${Date.now()}`;
let debounce: ReturnType<typeof setTimeout> | null = null;
let heartbeat: ReturnType<typeof setInterval> | null = null;
let lastSent = '';
let warned = false;

/** The counts of every tracked source in this window now. */
export function currentCounts(): HealthCounts {
  return summarizeHealth([...tracked].map((source) => source.health()));
}

function send(force: boolean): void {
  const counts = currentCounts();
  const key = JSON.stringify(counts);
  if (!force && key === lastSent) return;
  lastSent = key;
  clearway()
    .invoke('cw:site.reportCameraHealth', { reporterId, ...counts })
    .catch((error: unknown) => {
      // Locked or signed out: the next change or heartbeat tries again.
      lastSent = '';
      if (!warned) console.warn('[clearway] camera health not reported', error);
      warned = true;
    });
  if (counts.total > 0 && heartbeat === null) heartbeat = setInterval(() => send(true), HEARTBEAT_MS);
  if (counts.total === 0 && heartbeat !== null) {
    clearInterval(heartbeat);
    heartbeat = null;
  }
}

function schedule(): void {
  if (debounce !== null) return;
  debounce = setTimeout(() => {
    debounce = null;
    send(false);
  }, DEBOUNCE_MS);
}

/** Wraps a source so its health is counted until it is disposed. */
export function trackSource(source: CameraSource): CameraSource {
  tracked.add(source);
  const offHealth = source.onHealth(schedule);
  schedule();
  return {
    cameraId: source.cameraId,
    element: source.element,
    start: () => source.start(),
    setPaused: (paused: boolean) => source.setPaused(paused),
    retry: () => source.retry(),
    health: (): SourceHealth => source.health(),
    onHealth: (listener) => source.onHealth(listener),
    onFrame: (listener) => source.onFrame(listener),
    dispose: () => {
      offHealth();
      tracked.delete(source);
      source.dispose();
      schedule();
    },
  };
}
