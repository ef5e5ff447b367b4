/**
 * Time Release Study figures (WCO TRS; TFA Art. 7.6). Release time runs from
 * arrival of the goods (lodgement when no arrival is known) to release; a
 * pre-arrival release counts as zero (the goods were free the moment they
 * arrived). Percentiles use the nearest-rank method, so every figure is a
 * release time that really happened.
 */
import type { Dashboard, ReleaseStats, ShiftSlot } from '../../../preload/contract/schemas/queue';
import { Lane } from '../../../preload/contract/schemas/risk';
import type { Row, Store } from '../store/types';
import { localTime } from './local-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Shift slots start at these local hours. */
export const SHIFT_STARTS: Readonly<Record<ShiftSlot, number>> = { morning: 6, afternoon: 14, night: 22 };

export function shiftOf(hour: number): ShiftSlot {
  if (hour >= 6 && hour < 14) return 'morning';
  if (hour >= 14 && hour < 22) return 'afternoon';
  return 'night';
}

export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function releaseStats(minutes: readonly number[]): ReleaseStats {
  const sorted = [...minutes].sort((a, b) => a - b);
  const sum = sorted.reduce((s, m) => s + m, 0);
  return {
    released: sorted.length,
    avgMinutes: sorted.length ? round1(sum / sorted.length) : null,
    p50Minutes: nearestRank(sorted, 50),
    p90Minutes: nearestRank(sorted, 90),
  };
}

const ms = (v: unknown) => (v === null || v === undefined ? null : Date.parse(String(v)));

function average(values: readonly number[]): number | null {
  return values.length ? round1(values.reduce((s, v) => s + v, 0) / values.length) : null;
}

function releaseMinutes(r: Row): number {
  const start = ms(r.arrival_time) ?? ms(r.lodgement_time)!;
  return Math.max(0, Math.round((ms(r.released_at)! - start) / MINUTE));
}

export async function timeReleaseDashboard(store: Store, now: Date, days: number, timeZone: string): Promise<Dashboard> {
  const to = now.toISOString();
  const from = new Date(now.getTime() - days * DAY).toISOString();
  const rows = await store.query(
    `SELECT lane, arrival_time, lodgement_time, risk_assessed_at, documentary_check_at, inspection_at, released_at
       FROM declaration_queue WHERE released_at IS NOT NULL AND released_at > ? AND released_at <= ?`,
    [from, to],
  );
  const all: number[] = [];
  const byLane = new Map<string, number[]>(Lane.options.map((l) => [l, []]));
  const byShift = new Map<ShiftSlot, number[]>([
    ['morning', []],
    ['afternoon', []],
    ['night', []],
  ]);
  const dayKeys: string[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const key = localTime(new Date(now.getTime() - i * DAY), timeZone).day;
    if (!dayKeys.includes(key)) dayKeys.push(key);
  }
  const byDay = new Map<string, number[]>(dayKeys.map((d) => [d, []]));
  const stages = {
    arrivalToLodgement: [] as number[],
    lodgementToRisk: [] as number[],
    riskToDoc: [] as number[],
    riskToInspection: [] as number[],
    lastToRelease: [] as number[],
  };
  for (const r of rows) {
    const minutes = releaseMinutes(r);
    const local = localTime(new Date(String(r.released_at)), timeZone);
    all.push(minutes);
    byLane.get(String(r.lane))?.push(minutes);
    byShift.get(shiftOf(local.hour))!.push(minutes);
    byDay.get(local.day)?.push(minutes);
    const arrival = ms(r.arrival_time);
    const lodged = ms(r.lodgement_time)!;
    const risk = ms(r.risk_assessed_at)!;
    const doc = ms(r.documentary_check_at);
    const insp = ms(r.inspection_at);
    const released = ms(r.released_at)!;
    if (arrival !== null) stages.arrivalToLodgement.push((lodged - arrival) / MINUTE);
    stages.lodgementToRisk.push((risk - lodged) / MINUTE);
    if (doc !== null) stages.riskToDoc.push((doc - risk) / MINUTE);
    if (insp !== null) stages.riskToInspection.push((insp - risk) / MINUTE);
    stages.lastToRelease.push((released - Math.max(risk, doc ?? 0, insp ?? 0)) / MINUTE);
  }

  const local = localTime(now, timeZone);
  const shift = shiftOf(local.hour);
  const elapsed =
    (((local.hour - SHIFT_STARTS[shift] + 24) % 24) * 60 + local.minute) * MINUTE +
    local.second * 1000 +
    now.getUTCMilliseconds();
  const since = new Date(now.getTime() - elapsed).toISOString();
  const [shiftRows, open] = await Promise.all([
    store.query(
      'SELECT arrival_time, lodgement_time, released_at FROM declaration_queue WHERE released_at IS NOT NULL AND released_at >= ? AND released_at <= ?',
      [since, to],
    ),
    store.query<{ open: number; overdue: number }>(
      "SELECT COUNT(*) AS open, COALESCE(SUM(CASE WHEN sla_due_at < ? THEN 1 ELSE 0 END), 0) AS overdue FROM declaration_queue WHERE status NOT IN ('released', 'cancelled')",
      [to],
    ),
  ]);
  const shiftMinutes = shiftRows.map(releaseMinutes);

  return {
    from,
    to,
    timeZone,
    overall: releaseStats(all),
    byLane: [...byLane].map(([lane, m]) => ({ lane: lane as Lane, ...releaseStats(m) })),
    byShift: [...byShift].map(([s, m]) => ({ shift: s, ...releaseStats(m) })),
    byDay: [...byDay].map(([day, m]) => ({ day, ...releaseStats(m) })),
    stages: {
      arrivalToLodgement: average(stages.arrivalToLodgement),
      lodgementToRiskAssessment: average(stages.lodgementToRisk),
      riskAssessmentToDocumentaryCheck: average(stages.riskToDoc),
      riskAssessmentToInspection: average(stages.riskToInspection),
      lastCheckToRelease: average(stages.lastToRelease),
    },
    currentShift: {
      shift,
      since,
      released: shiftMinutes.length,
      avgReleaseMinutes: average(shiftMinutes),
      open: Number(open[0]?.open ?? 0),
      overdue: Number(open[0]?.overdue ?? 0),
    },
  };
}
