import { describe, expect, it } from 'vitest';
import { defaultWindowOptions, WINDOW_BACKGROUND } from '../../../main/security/window-options';

describe('defaultWindowOptions', () => {
  const options = defaultWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(Object.hasOwn(prefs, key)).toBe(true);
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until ready-to-show, on a dark background', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND);
  });

  it('returns a fresh object each time, so one window cannot loosen another', () => {
    const a = defaultWindowOptions('x');
    const b = defaultWindowOptions('x');
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
