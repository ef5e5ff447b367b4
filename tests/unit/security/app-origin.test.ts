import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedUrl, originOf } from '../../../main/security/app-origin';

describe('app origin', () => {
  it('is app://clearway and the entry page is on it', () => {
    expect(APP_ORIGIN).toBe('app://clearway');
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
  });

  it.each([
    ['app://clearway/index.html', 'app://clearway'],
    ['app://CLEARWAY/assets/x.js', 'app://clearway'],
    ['app://clearway', 'app://clearway'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['https://hub.example/x', 'https://hub.example'],
    ['file:///index.html', null],
    ['about:blank', null],
    ['data:text/html,x', null],
    ['not a url', null],
  ])('originOf(%s) = %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    ['app://clearway/index.html', true],
    ['app://clearway.evil/index.html', false],
    ['app://evil/index.html', false],
    ['app://clearway:8080/index.html', false],
    ['https://clearway/index.html', false],
    ['file:///app/out/renderer/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
  ])('isTrustedUrl(%s) = %s', (url, trusted) => {
    expect(isTrustedUrl(url)).toBe(trusted);
  });

  it('trusts an extra origin only when given (the dev server)', () => {
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});
