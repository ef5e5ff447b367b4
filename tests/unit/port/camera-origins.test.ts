import { describe, expect, it } from 'vitest';
import {
  formatCameraOrigins,
  maxCameraOrigins,
  parseCameraOrigins,
} from '../../../renderer/features/port/settings/cameraOrigins';

describe('camera bridge origins typed in settings', () => {
  it('reduces good lines to bare origins, skipping blank lines and trailing slashes', () => {
    const parsed = parseCameraOrigins('https://cams.gate3.example\n\n  http://10.0.4.20:8889/  \nwss://bridge.example:8443\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.origins).toEqual(['https://cams.gate3.example', 'http://10.0.4.20:8889', 'wss://bridge.example:8443']);
  });

  it('names each bad line with its number, text and why', () => {
    const parsed = parseCameraOrigins(
      [
        'cams.gate3.example',
        'ftp://files.example',
        'https://go2rtc.example/api/stream.mjpeg',
        'https://admin:pw@cam.example',
        'https://ok.example',
        'https://ok.example/',
        'javascript:alert(1)',
      ].join('\n'),
    );
    expect(parsed.origins).toEqual(['https://ok.example']);
    expect(parsed.problems).toEqual([
      { line: 1, value: 'cams.gate3.example', kind: 'not-a-url' },
      { line: 2, value: 'ftp://files.example', kind: 'scheme' },
      { line: 3, value: 'https://go2rtc.example/api/stream.mjpeg', kind: 'path' },
      { line: 4, value: 'https://admin:pw@cam.example', kind: 'credentials' },
      { line: 6, value: 'https://ok.example/', kind: 'duplicate' },
      { line: 7, value: 'javascript:alert(1)', kind: 'scheme' },
    ]);
  });

  it('refuses a query or fragment as a path', () => {
    expect(parseCameraOrigins('https://cam.example?x=1').problems[0]?.kind).toBe('path');
    expect(parseCameraOrigins('https://cam.example#live').problems[0]?.kind).toBe('path');
  });

  it('stops at the schema limit and says so', () => {
    const lines = Array.from({ length: maxCameraOrigins + 1 }, (_, i) => `https://cam${i}.example`);
    const parsed = parseCameraOrigins(lines.join('\n'));
    expect(parsed.origins).toHaveLength(maxCameraOrigins);
    expect(parsed.problems).toEqual([{ line: maxCameraOrigins + 1, value: lines[maxCameraOrigins], kind: 'too-many' }]);
  });

  it('round-trips the stored list', () => {
    const origins = ['https://a.example', 'wss://b.example:8443'];
    expect(parseCameraOrigins(formatCameraOrigins(origins)).origins).toEqual(origins);
  });
});
