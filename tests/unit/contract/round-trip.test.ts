/**
 * Every channel of the contract, property-based: valid inputs reach the handler
 * and valid outputs come back through JSON unchanged; anything the input schema
 * rejects is answered INVALID_ARGUMENT without the handler ever running.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  channelNames,
  channels,
  eventNames,
  events,
  type ChannelName,
  type Envelope,
  type EventName,
} from '../../../preload/contract';
import { createDispatcher } from '../../../main/host/dispatch';
import { fakeServiceHost, userWithRole } from '../host/fake-service-host';
import { invalidValue, oneBadField, validValue } from './zod-arbitrary';

const RUNS = 40;
/**
 * Whole documents (a site, a declaration with its assessment, the risk configuration)
 * take several times longer per value to generate and parse than the rest; fewer
 * runs keep the contract suite well under a minute on a shared two-core machine.
 * Their parts are also exercised by smaller channels and by zod-arbitrary.test.ts.
 */
const HEAVY_RUNS: Partial<Record<ChannelName | EventName, number>> = {
  'cw:site.get': 20,
  'cw:site.save': 20,
  'cw:site.changed': 20,
  'cw:queue.get': 25,
  'cw:risk.config': 25,
};
const runsFor = (name: ChannelName | EventName): number => HEAVY_RUNS[name] ?? RUNS;

/** What the wire does to a value: JSON drops undefined and keeps everything the contract allows. */
function overTheWire<T>(value: T): T {
  const text = JSON.stringify(value);
  return text === undefined ? (undefined as T) : (JSON.parse(text) as T);
}

function signedInSupervisor() {
  // A supervisor, unlocked: every channel's access allows it, so only the payload decides.
  return fakeServiceHost({ user: userWithRole('supervisor'), locked: false });
}

describe.each(channelNames)('%s', (channel) => {
  const spec = channels[channel];
  const input = spec.input as z.ZodType;
  const output = spec.output as z.ZodType;

  it('accepts valid inputs and returns valid outputs that survive JSON', async () => {
    await fc.assert(
      fc.asyncProperty(validValue(input), validValue(output), async (rawInput, rawOutput) => {
        const host = signedInSupervisor();
        host.reply(channel, () => rawOutput);
        const dispatch = createDispatcher(host, () => {
          throw new Error('nothing should be logged for a valid call');
        });

        const envelope = await dispatch(channel, overTheWire(rawInput));
        expect(envelope).toEqual({ ok: true, value: output.parse(rawOutput) });
        expect(host.calls).toEqual([{ channel, input: input.parse(overTheWire(rawInput)) }]);

        const received = overTheWire(envelope) as Envelope<unknown>;
        expect(received.ok).toBe(true);
        if (received.ok) expect(output.parse(received.value)).toEqual(output.parse(rawOutput));
      }),
      { numRuns: runsFor(channel) },
    );
  });

  it('refuses any value its input schema rejects, without calling the handler', async () => {
    await fc.assert(
      fc.asyncProperty(invalidValue(input), async (garbage) => {
        const host = signedInSupervisor();
        const envelope = await createDispatcher(host)(channel, garbage);
        expect(envelope.ok).toBe(false);
        if (!envelope.ok) {
          expect(envelope.error.code).toBe('INVALID_ARGUMENT');
          expect(envelope.error.message).toContain(channel);
          expect(envelope.error.issues?.length).toBeGreaterThan(0);
        }
        expect(host.calls).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  // Only object inputs have fields to break; `none` inputs are covered by the property above.
  const nearMiss = oneBadField(input);
  if (nearMiss)
    it('refuses a valid payload with one bad field and names that field', async () => {
      await fc.assert(
        fc.asyncProperty(nearMiss, async ({ value, field }) => {
          const host = signedInSupervisor();
          const envelope = await createDispatcher(host)(channel, value);
          expect(envelope.ok).toBe(false);
          if (!envelope.ok) {
            expect(envelope.error.code).toBe('INVALID_ARGUMENT');
            expect(envelope.error.issues?.some((issue) => issue.path === field || issue.path.startsWith(`${field}.`))).toBe(true);
          }
          expect(host.calls).toEqual([]);
        }),
        { numRuns: runsFor(channel) },
      );
    });
});

describe.each(eventNames)('event %s', (event) => {
  const schema = events[event] as z.ZodType;

  it('payloads survive JSON and still match their schema', () => {
    fc.assert(
      fc.property(validValue(schema), (payload) => {
        const parsed = schema.parse(payload);
        expect(schema.parse(overTheWire({ event, payload: parsed }).payload)).toEqual(parsed);
      }),
      { numRuns: runsFor(event) },
    );
  });
});
