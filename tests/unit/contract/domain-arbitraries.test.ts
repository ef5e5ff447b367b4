/**
 * The targeted arbitraries must stay valid AND interesting: a site generator that
 * only ever produced sites without markers would pass every round trip while
 * testing none of the cross-references. Each test samples a fixed seed and checks
 * both that every value passes the schema and that the hard cases do occur.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ContainerId, CountryCode, CurrencyCode, DeclarationInput, HsCode, UnLocode } from '../../../preload/schemas/declarations';
import { Condition, RiskConfig } from '../../../preload/schemas/risk';
import { MediaUrl, Site } from '../../../preload/schemas/site';
import { validValue } from './zod-arbitrary';

function sample<S extends z.ZodType>(schema: S, numRuns: number): z.output<S>[] {
  return fc.sample(validValue(schema), { numRuns, seed: 20261125 }).map((value) => {
    const parsed = schema.safeParse(value);
    expect(parsed.error?.issues ?? [], JSON.stringify(value)).toEqual([]);
    return parsed.data as z.output<S>;
  });
}

describe('targeted arbitraries', () => {
  it.each([
    ['CountryCode', CountryCode],
    ['CurrencyCode', CurrencyCode],
    ['HsCode', HsCode],
    ['UnLocode', UnLocode],
    ['ContainerId', ContainerId],
    ['MediaUrl', MediaUrl],
  ] as const)('%s: valid and varied', (_name, schema) => {
    const values = sample(schema, 50);
    expect(new Set(values).size).toBeGreaterThan(25);
  });

  it('MediaUrl: both camera URLs and shipped media paths', () => {
    const values = sample(MediaUrl, 60);
    expect(values.some((url) => /^https?:\/\//.test(url))).toBe(true);
    expect(values.some((url) => !url.includes(':'))).toBe(true);
  });

  it('Condition: every operator, on text, number and flag fields', () => {
    const values = sample(Condition, 300);
    expect(new Set(values.map((c) => c.op))).toEqual(new Set(['eq', 'ne', 'prefix', 'in', 'range', 'regex']));
    expect(values.some((c) => c.op === 'eq' && typeof c.value === 'boolean')).toBe(true);
    expect(values.some((c) => c.op === 'in' && typeof c.values[0] === 'number')).toBe(true);
  });

  it('DeclarationInput: road plates, several goods items, items in declared containers', () => {
    const values = sample(DeclarationInput, 60);
    expect(values.some((d) => d.transport.mode === 'road')).toBe(true);
    expect(values.some((d) => d.goodsItems.length > 1)).toBe(true);
    expect(values.some((d) => d.goodsItems.some((item) => (item.containerIds?.length ?? 0) > 0))).toBe(true);
  });

  it('RiskConfig: rules that belong to one of its profiles', () => {
    const values = sample(RiskConfig, 40);
    expect(values.some((config) => config.rules.some((rule) => rule.profileId !== null))).toBe(true);
  });

  it('Site: markers on cameras, lanes and containers; camera groups; 360° stills', () => {
    const values = sample(Site, 40);
    const markers = values.flatMap((s) => s.markers);
    expect(markers.some((m) => m.link.kind === 'lane')).toBe(true);
    expect(markers.some((m) => m.link.kind === 'container')).toBe(true);
    expect(values.some((s) => s.cameraGroups.length > 0)).toBe(true);
    expect(values.some((s) => s.cameras.some((camera) => camera.group !== undefined))).toBe(true);
    expect(values.some((s) => s.cameras.some((camera) => camera.still !== undefined))).toBe(true);
  });
});
