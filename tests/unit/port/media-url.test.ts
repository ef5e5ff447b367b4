import { describe, expect, it } from 'vitest';
import { isCrossOrigin, resolveMediaUrl } from '../../../renderer/features/port/sources/mediaUrl';
import { base64Chunks } from '../../../renderer/features/port/sources/snapshot';
import { summarizeHealth } from '../../../renderer/features/port/sources/healthSummary';

describe('resolveMediaUrl', () => {
  it('resolves shipped media against the origin root, whatever the route', () => {
    expect(resolveMediaUrl('media/cam-lane-1.webm', 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/media/cam-lane-1.webm');
    expect(resolveMediaUrl('media/x.webm', 'app://clearway')).toBe('app://clearway/media/x.webm');
  });
  it('passes bridge URLs through and tells when CORS is needed', () => {
    expect(resolveMediaUrl('http://10.0.0.5:8889/lane1/whep', 'http://127.0.0.1:1')).toBe('http://10.0.0.5:8889/lane1/whep');
    expect(isCrossOrigin('http://10.0.0.5:8889/x', 'http://127.0.0.1:1')).toBe(true);
    expect(isCrossOrigin('media/x.webm', 'http://127.0.0.1:1')).toBe(false);
  });
});

describe('base64Chunks', () => {
  it('cuts on 4-character boundaries so each chunk decodes alone and they join back', () => {
    const text = Buffer.from(Array.from({ length: 1001 }, (_, i) => i % 256)).toString('base64');
    const chunks = base64Chunks(text, 103);
    expect(chunks.every((c, i) => i === chunks.length - 1 || c.length === 100)).toBe(true);
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c, 'base64'))).equals(Buffer.from(text, 'base64'))).toBe(true);
  });
});

describe('summarizeHealth', () => {
  it('counts states, connecting only in the total', () => {
    expect(
      summarizeHealth([{ state: 'live' }, { state: 'live' }, { state: 'stalled' }, { state: 'failed' }, { state: 'connecting' }]),
    ).toEqual({ total: 5, live: 2, stalled: 1, failed: 1 });
  });
});
