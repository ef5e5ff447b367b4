import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scoreSession, type Trial } from '../../../main/services/training/scoring';
import { xapiStatements } from '../../../main/services/training/xapi';
import { Scenario } from '../../../preload/contract/schemas/training';

/** The parts of an xAPI 1.0.3 statement an LRS checks (Data Model, section 2.4). */
const LanguageMap = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1));
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/);
const Statement = z
  .object({
    id: z.uuid(),
    actor: z.object({
      objectType: z.literal('Agent'),
      name: z.string(),
      account: z.object({ homePage: Iri, name: z.string().min(1) }),
    }),
    verb: z.object({ id: Iri, display: LanguageMap }),
    object: z.object({
      objectType: z.literal('Activity'),
      id: Iri,
      definition: z.object({ name: LanguageMap, type: Iri }).loose(),
    }),
    result: z.object({
      score: z
        .object({ scaled: z.number().min(-1).max(1), raw: z.number(), min: z.number(), max: z.number() })
        .refine((s) => s.min <= s.raw && s.raw <= s.max, 'raw must lie between min and max'),
      completion: z.boolean(),
      duration: z.string().regex(/^PT\d+H\d+M\d+S$/),
      extensions: z.record(Iri, z.unknown()),
    }),
    context: z.object({ registration: z.uuid(), platform: z.string(), extensions: z.record(Iri, z.unknown()) }).loose(),
    timestamp: z.iso.datetime(),
    version: z.literal('1.0.3'),
  })
  .strict();

const scenario = Scenario.parse({
  schema: 'clearway.scenario/1',
  id: 'xapi-check',
  title: { en: 'xAPI check', 'zh-CN': 'xAPI 检查' },
  summary: { en: 'x', 'zh-CN': 'x' },
  office: 'CNSHA001',
  start: '2026-03-02T06:00:00+08:00',
  duration: 'PT1H30M',
  traffic: { declarations: { perHour: 10 } },
});

const trial = (threat: Trial['threat'], response: Trial['response']): Trial => ({
  itemId: 'x',
  threat,
  rightResponses: ['inspect'],
  response,
  decisionMs: 5000,
  laneOverridden: false,
});

describe('xAPI statements', () => {
  it('describe the session and each threat kind with the measures in result.extensions', () => {
    const score = scoreSession([
      trial('undervaluation', 'inspect'),
      trial('hs-mismatch', 'release'),
      trial(null, 'release'),
      trial(null, 'hold'),
    ]);
    const registration = '6f1a8a52-7a34-4c55-9a55-0e1c0b8f2d11';
    const statements = xapiStatements({
      registration,
      scenario,
      trainee: { username: 'li.wei', displayName: 'Li Wei' },
      office: 'CNSHA001',
      startedAt: new Date('2026-03-01T22:00:00Z'),
      endedAt: new Date('2026-03-01T23:30:00Z'),
      score,
    });
    for (const s of statements) expect(Statement.safeParse(s).error?.issues ?? []).toEqual([]);
    expect(statements).toHaveLength(3);
    const [session, ...kinds] = statements;
    expect(session!.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(session!.result.duration).toBe('PT1H30M0S');
    expect(session!.result.score).toEqual({ scaled: score.overall.aPrime, raw: 1, min: 0, max: 2 });
    expect(session!.result.extensions['urn:clearway:xapi:d-prime']).toBe(score.overall.dPrime);
    expect(session!.result.extensions['urn:clearway:xapi:false-alarms']).toBe(1);
    expect(kinds.map((k) => k.object.id)).toEqual([
      'urn:clearway:scenario:xapi-check/threat/hs-mismatch',
      'urn:clearway:scenario:xapi-check/threat/undervaluation',
    ]);
    expect(new Set(statements.map((s) => s.context.registration))).toEqual(new Set([registration]));
    expect(new Set(statements.map((s) => s.id)).size).toBe(3);
  });
});
