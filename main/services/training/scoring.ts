/**
 * Signal-detection scoring of a training session. Each item the trainee saw is a
 * trial: a signal trial carries a projected threat, a noise trial does not. Rates
 * use the log-linear correction ((count + 0.5) / (trials + 1), Hautus 1995) so a
 * hit or false-alarm rate of 0 or 1 still gives finite measures; d′, c and A′ are
 * computed from the corrected rates. Per threat kind, the hit rate is the kind's
 * own and the false-alarm rate is the session's (false alarms belong to no kind).
 */
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { ALARM_RESPONSES, type ThreatKind, type TraineeResponse } from '../../../preload/contract/schemas/training';

export interface Trial {
  itemId: string;
  /** The projected threat, or null for a noise trial. */
  threat: ThreatKind | null;
  /** Responses that count as a hit for this threat. */
  rightResponses: readonly TraineeResponse[];
  /** The trainee's response, or null when the window ran out without one. */
  response: TraineeResponse | null;
  /** Scenario milliseconds from the item appearing to the response; null without one. */
  decisionMs: number | null;
  /** The trainee set a lane other than the engine's. */
  laneOverridden: boolean;
}

export interface Counts {
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
}

export interface Measures extends Counts {
  signalTrials: number;
  noiseTrials: number;
  /** Corrected hit and false-alarm rates. */
  hitRate: number;
  falseAlarmRate: number;
  dPrime: number;
  criterion: number;
  aPrime: number;
}

export interface SessionScore {
  overall: Measures;
  byKind: Partial<Record<ThreatKind, Measures>>;
  decisionMs: { median: number | null; p90: number | null };
  lanesOverridden: number;
  missed: { itemId: string; threat: ThreatKind; response: TraineeResponse | null }[];
}

const z = (p: number) => quantile(p, 0, 1);

export function correctedRate(count: number, trials: number): number {
  return (count + 0.5) / (trials + 1);
}

/** A′ (Grier 1971), the non-parametric sensitivity index, symmetric around H = F. */
export function aPrime(h: number, f: number): number {
  if (h === f) return 0.5;
  if (h > f) return 0.5 + ((h - f) * (1 + h - f)) / (4 * h * (1 - f));
  return 0.5 - ((f - h) * (1 + f - h)) / (4 * f * (1 - h));
}

export function measures(counts: Counts): Measures {
  const signalTrials = counts.hits + counts.misses;
  const noiseTrials = counts.falseAlarms + counts.correctRejections;
  const hitRate = correctedRate(counts.hits, signalTrials);
  const falseAlarmRate = correctedRate(counts.falseAlarms, noiseTrials);
  return {
    ...counts,
    signalTrials,
    noiseTrials,
    hitRate,
    falseAlarmRate,
    dPrime: z(hitRate) - z(falseAlarmRate),
    criterion: -0.5 * (z(hitRate) + z(falseAlarmRate)),
    aPrime: aPrime(hitRate, falseAlarmRate),
  };
}

export function isAlarm(response: TraineeResponse | null): boolean {
  return response !== null && ALARM_RESPONSES.includes(response);
}

export function isHit(trial: Trial): boolean {
  return trial.threat !== null && trial.response !== null && trial.rightResponses.includes(trial.response);
}

/** Percentile of sorted values with linear interpolation between ranks (as spreadsheets compute it). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (rank - low) * (sorted[high]! - sorted[low]!);
}

export function scoreSession(trials: readonly Trial[]): SessionScore {
  const noise = { falseAlarms: 0, correctRejections: 0 };
  const signal = new Map<ThreatKind, { hits: number; misses: number }>();
  const missed: SessionScore['missed'] = [];
  for (const trial of trials) {
    if (trial.threat === null) {
      if (isAlarm(trial.response)) noise.falseAlarms += 1;
      else noise.correctRejections += 1;
      continue;
    }
    const kind = signal.get(trial.threat) ?? { hits: 0, misses: 0 };
    if (isHit(trial)) kind.hits += 1;
    else {
      kind.misses += 1;
      missed.push({ itemId: trial.itemId, threat: trial.threat, response: trial.response });
    }
    signal.set(trial.threat, kind);
  }
  const byKind: SessionScore['byKind'] = {};
  let hits = 0;
  let misses = 0;
  for (const [kind, counts] of [...signal].sort(([a], [b]) => a.localeCompare(b))) {
    byKind[kind] = measures({ ...counts, ...noise });
    hits += counts.hits;
    misses += counts.misses;
  }
  const times = trials
    .map((t) => t.decisionMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  return {
    overall: measures({ hits, misses, ...noise }),
    byKind,
    decisionMs: { median: percentile(times, 50), p90: percentile(times, 90) },
    lanesOverridden: trials.filter((t) => t.laneOverridden).length,
    missed,
  };
}
