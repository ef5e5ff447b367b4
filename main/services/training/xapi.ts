/**
 * A training session's results as xAPI 1.0.3 statements, for a learning record
 * store: one "completed" statement for the session, one "scored" statement per
 * threat kind. The signal-detection measures travel in result.extensions, the
 * session in context.registration, so an LRS can group a trainee's sessions.
 * score.scaled is A′ (0.5 is chance, 1 is perfect discrimination).
 */
import { randomUUID } from 'node:crypto';
import type { Scenario, ThreatKind } from '../../../preload/contract/schemas/training';
import type { Measures, SessionScore } from './scoring';

export const XAPI_VERSION = '1.0.3';
const EXT = 'urn:clearway:xapi:';

export interface XapiSession {
  registration: string;
  scenario: Scenario;
  trainee: { username: string; displayName: string };
  /** The workstation's office: the account's home. */
  office: string;
  startedAt: Date;
  endedAt: Date;
  score: SessionScore;
}

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { name: Record<string, string>; description?: Record<string, string>; type: string };
  };
  result: {
    score: { scaled: number; raw: number; min: number; max: number };
    completion: boolean;
    duration: string;
    extensions: Record<string, unknown>;
  };
  context: { registration: string; platform: string; extensions: Record<string, unknown>; contextActivities?: unknown };
  timestamp: string;
  version: string;
}

const COMPLETED = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } };
const SCORED = { id: 'http://adlnet.gov/expapi/verbs/scored', display: { 'en-US': 'scored', 'zh-CN': '得分' } };

function measureExtensions(m: Measures): Record<string, unknown> {
  return {
    [`${EXT}hits`]: m.hits,
    [`${EXT}misses`]: m.misses,
    [`${EXT}false-alarms`]: m.falseAlarms,
    [`${EXT}correct-rejections`]: m.correctRejections,
    [`${EXT}hit-rate`]: m.hitRate,
    [`${EXT}false-alarm-rate`]: m.falseAlarmRate,
    [`${EXT}d-prime`]: m.dPrime,
    [`${EXT}criterion`]: m.criterion,
    [`${EXT}a-prime`]: m.aPrime,
    [`${EXT}signal-trials`]: m.signalTrials,
    [`${EXT}noise-trials`]: m.noiseTrials,
  };
}

/** ISO-8601 duration of whole seconds, as xAPI wants it. */
function isoDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}

function score(m: Measures): XapiStatement['result']['score'] {
  return { scaled: Math.max(0, Math.min(1, m.aPrime)), raw: m.hits, min: 0, max: m.signalTrials };
}

export function xapiStatements(session: XapiSession): XapiStatement[] {
  const { scenario, trainee, score: s } = session;
  const actor: XapiStatement['actor'] = {
    objectType: 'Agent',
    name: trainee.displayName,
    account: { homePage: `urn:clearway:office:${session.office}`, name: trainee.username },
  };
  const activity = `urn:clearway:scenario:${scenario.id}`;
  const context = (extra: Record<string, unknown> = {}): XapiStatement['context'] => ({
    registration: session.registration,
    platform: 'Clearway',
    extensions: { [`${EXT}seed`]: scenario.seed, [`${EXT}clock-speed`]: scenario.clockSpeed, ...extra },
  });
  const duration = isoDuration(session.endedAt.getTime() - session.startedAt.getTime());
  const timestamp = session.endedAt.toISOString();
  const completed: XapiStatement = {
    id: randomUUID(),
    actor,
    verb: COMPLETED,
    object: {
      objectType: 'Activity',
      id: activity,
      definition: {
        name: { 'en-US': scenario.title.en, 'zh-CN': scenario.title['zh-CN'] },
        description: { 'en-US': scenario.summary.en, 'zh-CN': scenario.summary['zh-CN'] },
        type: 'http://adlnet.gov/expapi/activities/simulation',
      },
    },
    result: {
      score: score(s.overall),
      completion: true,
      duration,
      extensions: {
        ...measureExtensions(s.overall),
        [`${EXT}decision-ms-median`]: s.decisionMs.median,
        [`${EXT}decision-ms-p90`]: s.decisionMs.p90,
        [`${EXT}lanes-overridden`]: s.lanesOverridden,
        [`${EXT}missed`]: s.missed,
      },
    },
    context: context(),
    timestamp,
    version: XAPI_VERSION,
  };
  const perKind = (Object.entries(s.byKind) as [ThreatKind, Measures][]).map(([kind, m]): XapiStatement => ({
    id: randomUUID(),
    actor,
    verb: SCORED,
    object: {
      objectType: 'Activity',
      id: `${activity}/threat/${kind}`,
      definition: { name: { 'en-US': `${scenario.title.en}: ${kind}` }, type: 'http://adlnet.gov/expapi/activities/objective' },
    },
    result: { score: score(m), completion: true, duration, extensions: measureExtensions(m) },
    context: { ...context(), contextActivities: { parent: [{ objectType: 'Activity', id: activity }] } },
    timestamp,
    version: XAPI_VERSION,
  }));
  return [completed, ...perKind];
}
