import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, readScenarioFile, type ScenarioError } from '../../../main/services/training/scenario-file';
import { referencesFor } from '../../../main/services/training/scenario-references';

const resources = join(__dirname, '../../../resources');
const scenarios = join(resources, 'scenarios');
const refs = referencesFor(join(scenarios, 'inline.yaml'), resources);

const VALID = `schema: clearway.scenario/1
id: small
title: { en: Small, zh-CN: 小 }
summary: { en: A small scenario, zh-CN: 小场景 }
office: CNSHA001
start: '2026-03-02T06:00:00+08:00'
duration: PT1H
traffic:
  declarations:
    perHour: 30
  vehicles:
    lanes: [lane-1]
threats:
  oneIn: 20
  mix: { undervaluation: 60, plate-mismatch: 40 }
`;

function errorsOf(text: string): ScenarioError[] {
  const result = parseScenario(text, refs);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('scenario files', () => {
  it.each(readdirSync(scenarios).filter((f) => /\.(ya?ml|json)$/.test(f)))('shipped scenario %s is valid', (file) => {
    const result = readScenarioFile(join(scenarios, file), referencesFor(join(scenarios, file), resources));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reads a valid file with defaults filled in', () => {
    const result = parseScenario(VALID, refs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.duration).toBe(3_600_000);
    expect(result.scenario.clockSpeed).toBe(1);
    expect(result.scenario.threats?.spread).toBe(0.3);
    expect(result.scenario.threats?.window).toBe(15 * 60_000);
  });

  it('reads the same scenario written as JSON', () => {
    const json = JSON.stringify({
      schema: 'clearway.scenario/1',
      id: 'small',
      title: { en: 'Small', 'zh-CN': '小' },
      summary: { en: 'x', 'zh-CN': 'y' },
      office: 'CNSHA001',
      start: '2026-03-02T06:00:00+08:00',
      duration: 'PT1H',
      traffic: { declarations: { perHour: 30 } },
    });
    expect(parseScenario(json, refs).ok).toBe(true);
  });

  it('names the line and column of a syntax error', () => {
    expect(errorsOf('schema: clearway.scenario/1\nid: [a, b\n')[0]).toMatchObject({ line: 3, field: '' });
    const json = parseScenario('{"schema": "clearway.scenario/1"\n "id": "a"}', refs, 'json');
    expect(json.ok ? [] : json.errors).toEqual([
      { line: 2, column: 2, field: '', message: "is not valid JSON: Expected ',' or '}' after property value" },
    ]);
    // YAML would read a missing JSON value as null; a .json file is strict JSON.
    expect(parseScenario('{"schema": "clearway.scenario/1",\n "id": }', refs, 'json').ok).toBe(false);
    expect(errorsOf('id: a\nid: b\n')[0]).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/unique/) });
  });

  it('names a wrong value at the value', () => {
    const errors = errorsOf(VALID.replace('duration: PT1H', 'duration: 1 hour').replace('oneIn: 20', 'oneIn: 1'));
    expect(errors).toEqual([
      { line: 7, column: 11, field: 'duration', message: expect.stringMatching(/ISO-8601 duration/) },
      { line: 14, column: 10, field: 'threats.oneIn', message: expect.stringMatching(/>=2/) },
    ]);
  });

  it('names an unknown field at its key and a missing field at its parent', () => {
    const errors = errorsOf(
      VALID.replace('    perHour: 30\n', '    perHour: 30\n    colour: red\n').replace(', zh-CN: 小 }', ' }'),
    );
    expect(errors).toEqual([
      { line: 3, column: 8, field: 'title.zh-CN', message: expect.stringMatching(/^is required/) },
      { line: 11, column: 5, field: 'traffic.declarations.colour', message: 'unknown field "colour"' },
    ]);
  });

  it('refuses a mix that does not add up to 100 and an unknown threat kind', () => {
    const errors = errorsOf(
      VALID.replace('mix: { undervaluation: 60, plate-mismatch: 40 }', 'mix: { undervaluation: 60, teleport: 30 }'),
    );
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [15, 'threats.mix'],
      [15, 'threats.mix.teleport'],
    ]);
    expect(errors[0]!.message).toBe('shares must add up to 100');
  });

  it('refuses times after the end and gate threats without vehicles', () => {
    const late = VALID.replace('  mix:', '  inline:\n    - { at: PT2H, kind: agency-hold }\n  mix:');
    expect(errorsOf(late)).toEqual([
      { line: 16, column: 13, field: 'threats.inline[0].at', message: 'is after the end of the scenario' },
    ]);
    const noVehicles = VALID.replace('  vehicles:\n    lanes: [lane-1]\n', '');
    expect(errorsOf(noVehicles)).toEqual([
      { line: 13, column: 8, field: 'threats.mix', message: 'has gate threats but the traffic has no vehicles' },
    ]);
  });

  it('refuses lanes, cameras and goods the site and catalogue do not have', () => {
    const text = `${VALID.replace('lanes: [lane-1]', 'lanes: [lane-1, lane-9]').replace('    perHour: 30\n', "    perHour: 30\n    hs: { '0306': 50, '2710': 50 }\n")}cameras:\n  - { camera: cam-nowhere, lane: lane-1 }\n`;
    expect(errorsOf(text)).toEqual([
      {
        line: 11,
        column: 31,
        field: 'traffic.declarations.hs.2710',
        message: "HS 2710 matches no goods in the generator's catalogue",
      },
      {
        line: 13,
        column: 21,
        field: 'traffic.vehicles.lanes[1]',
        message: expect.stringMatching(/^lane "lane-9" is not in the site/),
      },
      { line: 18, column: 15, field: 'cameras[0].camera', message: 'camera "cam-nowhere" is not in the site' },
    ]);
  });

  it('names a site file that cannot be read', () => {
    const errors = errorsOf(VALID.replace('office:', 'site: ./no-such-site.json\noffice:'));
    expect(errors).toEqual([
      { line: 5, column: 7, field: 'site', message: expect.stringMatching(/no-such-site.json cannot be read/) },
    ]);
  });
});
