import type { SourceHealth } from './cameraSource';

export interface HealthCounts {
  total: number;
  live: number;
  stalled: number;
  failed: number;
}

/** Counts by state; connecting sources are in the total only (they are neither live nor broken yet). */
export function summarizeHealth(healths: Iterable<Pick<SourceHealth, 'state'>>): HealthCounts {
  const counts: HealthCounts = { total: 0, live: 0, stalled: 0, failed: 0 };
  for (const { state } of healths) {
    counts.total++;
    if (state === 'live') counts.live++;
    else if (state === 'stalled') counts.stalled++;
    else if (state === 'failed') counts.failed++;
  }
  return counts;
}
