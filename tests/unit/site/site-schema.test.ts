import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, formatSitePath, isMediaUrl, type SiteInput } from '../../../preload/contract/schemas/site';

/** Tests edit parsed JSON freely to make each bad case. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON under test
type EditableJson = Record<string, any>;

const demoPath = join(__dirname, '..', '..', '..', 'resources', 'site', 'demo-site.json');
const demo = (): SiteInput => JSON.parse(readFileSync(demoPath, 'utf8')) as SiteInput;

/** The demo site with one change; returns every problem as "path: message". */
function problemsAfter(change: (site: EditableJson) => void): string[] {
  const site = demo() as unknown as EditableJson;
  change(site);
  const result = checkSite(site);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('the shipped demo site', () => {
  it('is valid, with a 4-lane gate, an inspection area, a yard and 6–9 cameras including a 360°', () => {
    const result = checkSite(demo());
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const site = result.site;
    expect(site.gates[0]?.lanes).toHaveLength(4);
    expect(site.inspectionAreas.length).toBeGreaterThanOrEqual(1);
    expect(site.yardBlocks.length).toBeGreaterThanOrEqual(1);
    expect(site.cameras.length).toBeGreaterThanOrEqual(6);
    expect(site.cameras.length).toBeLessThanOrEqual(9);
    expect(site.cameras.some((c) => c.kind === '360' && c.still)).toBe(true);
    expect(site.markers.length).toBeGreaterThan(0);
  });

  it('fills defaults a hand-written file may leave out', () => {
    const result = checkSite({ schemaVersion: 1, id: 'tiny', name: 'Tiny', origin: { latitude: 0, longitude: 0 } });
    expect(result.ok && result.site).toMatchObject({
      gates: [],
      cameras: [],
      markers: [],
      cameraGroups: [],
      origin: { elevationM: 0 },
    });
  });
});

describe('site validation names the path and the rule', () => {
  const cases: [string, (site: EditableJson) => void, string][] = [
    ['field of view out of range', (s) => (s.cameras[3].fovDeg = 300), 'cameras[3].fovDeg: must be between 10 and 180'],
    ['pitch out of range', (s) => (s.cameras[0].pitchDeg = -120), 'cameras[0].pitchDeg: must be between -90 and 90'],
    ['position not a triple', (s) => (s.cameras[1].position = [1, 2]), 'cameras[1].position: must be [x, y, z] in metres'],
    ['unknown camera kind', (s) => (s.cameras[0].kind = 'ptz'), 'cameras[0].kind: must be fixed or 360'],
    [
      'unknown source type',
      (s) => (s.cameras[2].source = { type: 'rtsp', url: 'rtsp://cam/1' }),
      'cameras[2].source.type: must have type webcam, url, hls, mjpeg or whep',
    ],
    [
      'source URL with a scheme the browser cannot play',
      (s) => (s.cameras[2].source = { type: 'hls', url: 'rtsp://cam/1' }),
      'cameras[2].source.url: must be an http(s) URL or a path inside the app media folder such as media/gate-1.webm',
    ],
    [
      'relative media path escaping the folder',
      (s) => (s.cameras[2].source = { type: 'url', url: '../secrets.webm' }),
      'cameras[2].source.url: must be an http(s) URL',
    ],
    [
      'duplicate camera id',
      (s) => (s.cameras[1].id = s.cameras[0].id),
      'cameras[1].id: "cam-lane-1" is already used by cameras[0]; ids must be unique',
    ],
    [
      'duplicate lane id across gates',
      (s) => s.gates.push({ ...s.gates[0], id: 'gate-2', lanes: [{ ...s.gates[0].lanes[0] }] }),
      'gates[1].lanes[0].id: "lane-1" is already used by gates[0].lanes[0]; lane ids must be unique across gates',
    ],
    ['gate without lanes', (s) => (s.gates[0].lanes = []), 'gates[0].lanes: must list at least one lane'],
    [
      'bad lane kind',
      (s) => (s.gates[0].lanes[1].kind = 'express'),
      'gates[0].lanes[1].kind: must be inbound, outbound or inspection',
    ],
    ['yard tiers out of range', (s) => (s.yardBlocks[0].tiers = 0), 'yardBlocks[0].tiers: must be between 1 and 12'],
    ['yard rows not whole', (s) => (s.yardBlocks[1].rows = 2.5), 'yardBlocks[1].rows: must be a whole number'],
    [
      'marker on an unknown camera',
      (s) => (s.markers[0].cameraId = 'cam-nowhere'),
      'markers[0].cameraId: no camera has id "cam-nowhere"',
    ],
    ['marker linking an unknown lane', (s) => (s.markers[0].link.ref = 'lane-9'), 'markers[0].link.ref: no lane has id "lane-9"'],
    [
      'marker linking a bad container number',
      (s) => (s.markers[1].link.ref = 'MSCU4812205'),
      'markers[1].link.ref: "MSCU4812205" is not an ISO 6346 container number with a valid check digit',
    ],
    [
      'marker link kind unknown',
      (s) => (s.markers[1].link.kind = 'vessel'),
      'markers[1].link.kind: must be declaration, case, lane or container',
    ],
    [
      'group naming an unknown camera',
      (s) => s.cameraGroups[0].cameraIds.push('cam-ghost'),
      'cameraGroups[0].cameraIds[4]: no camera has id "cam-ghost"',
    ],
    [
      'group listing a camera twice',
      (s) => (s.cameraGroups[1].cameraIds = ['cam-lane-4', 'cam-lane-4']),
      'cameraGroups[1].cameraIds[1]: "cam-lane-4" is listed twice',
    ],
    [
      'group larger than its layout',
      (s) => (s.cameraGroups[0].layout = '1x1'),
      'cameraGroups[0].cameraIds: lists 4 cameras but a 1x1 wall shows 1',
    ],
    [
      'group with more than 9 cameras',
      (s) => (s.cameraGroups[2].cameraIds = Array.from({ length: 10 }, (_, i) => `cam-${i}`)),
      'cameraGroups[2].cameraIds: must list at most 9 cameras (a 3×3 wall)',
    ],
    ['camera in an unknown group', (s) => (s.cameras[0].group = 'group-x'), 'cameras[0].group: no camera group has id "group-x"'],
    [
      'still on a fixed camera',
      (s) => (s.cameras[0].still = 'media/x.jpg'),
      'cameras[0].still: only 360 cameras take an equirectangular still',
    ],
    ['id with spaces', (s) => (s.cameras[0].id = 'cam lane'), 'cameras[0].id: must be 1–64 letters, digits'],
    ['empty name', (s) => (s.cameras[0].name = '  '), 'cameras[0].name: must not be empty'],
    ['latitude out of range', (s) => (s.origin.latitude = 91), 'origin.latitude: must be between -90 and 90'],
    ['wrong schema version', (s) => (s.schemaVersion = 2), 'schemaVersion: must be 1'],
    ['number given as text', (s) => (s.cameras[0].yawDeg = '90'), 'cameras[0].yawDeg: must be a number'],
  ];

  it.each(cases)('%s', (_name, change, expected) => {
    const problems = problemsAfter(change);
    expect(
      problems.some((p) => p.startsWith(expected)),
      `got:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it('reports every problem of a file at once', () => {
    const problems = problemsAfter((s) => {
      s.cameras[3].fovDeg = 5;
      s.cameras[4].pitchDeg = 100;
      s.yardBlocks[0].bays = 0;
    });
    expect(problems).toHaveLength(3);
  });
});

describe('formatSitePath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatSitePath(['cameras', 3, 'fovDeg'])).toBe('cameras[3].fovDeg');
    expect(formatSitePath(['gates', 0, 'lanes', 2, 'start', 1])).toBe('gates[0].lanes[2].start[1]');
    expect(formatSitePath([])).toBe('(site)');
  });
});

describe('isMediaUrl', () => {
  it('accepts http(s) URLs and plain relative media paths', () => {
    for (const ok of [
      'media/gate-1.webm',
      'https://bridge.local:8889/gate1/whep',
      'http://10.0.0.5:1984/api/stream.mjpeg?src=gate1',
    ])
      expect(isMediaUrl(ok), ok).toBe(true);
  });
  it('refuses other schemes, traversal, absolute paths and protocol-relative URLs', () => {
    for (const bad of [
      'rtsp://cam/1',
      'file:///etc/passwd',
      '../x.webm',
      'media/../../x',
      '/media/x.webm',
      '//evil.example/x',
      'javascript:alert(1)',
      'media/x.webm?x=1',
      'https://',
    ])
      expect(isMediaUrl(bad), bad).toBe(false);
  });
});
