/**
 * Demo-mode queue: the starter risk configuration and a few hundred realistic
 * declarations, assessed by the engine, with a day of past decisions so the
 * release-time dashboard and prior dispositions have something to show.
 * Statements only: seedDemo() runs them in its one transaction.
 */
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import type { Decision } from '../../../preload/contract/schemas/queue';
import type { RiskConfig } from '../../../preload/contract/schemas/risk';
import type { Clock } from '../clock';
import { DeclarationsRepository } from '../declarations/declarations-repository';
import { generateDeclaration } from '../declarations/demo-generator';
import { Prng } from '../declarations/demo/prng';
import { compileRiskConfig } from '../risk/compiled-config';
import { riskConfigStatements } from '../risk/config-statements';
import { defaultRiskConfig } from '../risk/default-rules';
import { assessCompiled } from '../risk/engine';
import { prepareSubject } from '../risk/prepared-subject';
import { seededRandom } from '../risk/seeded-random';
import { subjectFromDeclaration } from '../risk/subject-from-declaration';
import type { Statement, Store } from '../store/types';
import { DEFAULT_CONVERSION } from './currency';
import { queueRowStatements } from './queue-row';

const MINUTE = 60_000;
/** Typical minutes from arrival to release per lane, for the demo history. */
const DEMO_RELEASE_MINUTES = { green: [5, 40], blue: [10, 60], yellow: [60, 300], red: [180, 600] } as const;

export interface DemoQueueOptions {
  count: number;
  seed: number;
  timeZone: string;
}

export function demoQueueStatements(
  store: Store,
  clock: Clock,
  o: DemoQueueOptions,
): { statements: Statement[]; config: RiskConfig } {
  const now = clock.now();
  const config = defaultRiskConfig(o.timeZone);
  const compiled = compileRiskConfig(config);
  const repository = new DeclarationsRepository({ store, clock });
  const rng = new Prng(o.seed);
  const random = seededRandom(o.seed);
  const statements: Statement[] = riskConfigStatements(config);
  for (let i = 0; i < o.count; i++) {
    // Four in ten come from earlier in the day, so release history and the dashboard have
    // something to show; the rest are today's open work, mostly within their targets.
    const earlier = rng.chance(0.4);
    const generatedAt = earlier ? new Date(now.getTime() - rng.int(60, 24 * 60) * MINUTE) : now;
    const d: Declaration = generateDeclaration(rng, i + 1, generatedAt);
    const assessment = assessCompiled(prepareSubject(subjectFromDeclaration(d, DEFAULT_CONVERSION)), compiled, { now, random });
    const assessedAt = new Date(Math.max(Date.parse(d.lodgementTime) + rng.int(0, 2) * MINUTE, 0));
    statements.push(
      ...repository.saveStatements(d, { file: 'demo', format: 'json' }),
      ...queueRowStatements(d, assessment, assessedAt),
    );
    // Goods that arrived more than an hour ago were nearly all dealt with already; the few
    // left are the overdue ones a shift has to chase.
    const arrival = Date.parse(d.arrivalTime ?? d.lodgementTime);
    if (arrival > now.getTime() - 60 * MINUTE || !rng.chance(0.95)) continue;
    const [lo, hi] = DEMO_RELEASE_MINUTES[assessment.lane];
    const releasedAt = arrival + rng.int(lo, hi) * MINUTE;
    // Still being worked on: open, and for most lanes within its target.
    if (releasedAt > now.getTime()) continue;
    const released = new Date(releasedAt).toISOString();
    const check = new Date(Math.max(releasedAt - rng.int(1, 30) * MINUTE, assessedAt.getTime())).toISOString();
    const steps: [Decision, string, string][] =
      assessment.lane === 'red'
        ? [
            ['sendToInspection', 'pending', 'inspection'],
            ['release', 'inspection', 'released'],
          ]
        : [['release', 'pending', 'released']];
    statements.push({
      sql: `UPDATE declaration_queue SET status = 'released', released_at = ?, documentary_check_at = ?, inspection_at = ? WHERE number = ?`,
      params: [
        released,
        assessment.lane === 'yellow' ? check : null,
        assessment.lane === 'red' ? check : null,
        d.functionalReferenceId,
      ],
    });
    steps.forEach(([decision, from, to], k) => {
      statements.push({
        sql: `INSERT INTO declaration_events (number, at, kind, actor_id, actor_name, decision, from_status, to_status, reason) VALUES (?, ?, 'decision', 'system', 'Demo history', ?, ?, ?, ?)`,
        params: [
          d.functionalReferenceId,
          k === steps.length - 1 ? released : check,
          decision,
          from,
          to,
          'Demo history: decided before this workstation was set up',
        ],
      });
    });
  }
  return { statements, config };
}
