import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../../main/security/external-url';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.wcoomd.org/en/topics/nomenclature.aspx',
    'https://customs.example.gov.cn/path?query=1#frag',
    'https://10.1.2.3:8443/',
    'HTTPS://EXAMPLE.ORG',
    'mailto:duty-officer@customs.example',
    'mailto:duty-officer@customs.example?subject=Seal%20broken',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://example.org'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file://C:/Windows/System32/calc.exe'],
    ['UNC via smb', 'smb://attacker.example/share'],
    ['ms-msdt handler', 'ms-msdt:/id PCWDiagnostic'],
    ['custom scheme', 'clearway://do-something'],
    ['vbscript', 'vbscript:msgbox'],
    ['app scheme', 'app://clearway/index.html'],
    ['credentials', 'https://bank.example@evil.example/'],
    ['user and password', 'https://user:pass@example.org/'],
    ['leading space', ' https://example.org'],
    ['newline inside', 'https://exa\nmple.org'],
    ['tab inside', 'https://exa\tmple.org'],
    ['null byte', 'https://example.org/\u0000'],
    ['backslashes', 'https:\\\\evil.example'],
    ['scheme-relative', '//example.org'],
    ['relative', '/index.html'],
    ['https without slashes', 'https:example.org'],
    ['malformed', 'https://'],
    ['empty', ''],
    ['mailto without address', 'mailto:'],
    ['mailto with only query', 'mailto:?to=someone@example.org'],
    ['too long', `https://example.org/${'a'.repeat(2100)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://example.org'], new URL('https://example.org')])(
    'refuses non-strings (%j)',
    (value) => {
      expect(isAllowedExternalUrl(value)).toBe(false);
    },
  );

  it('refuses every URL whose scheme is not https or mailto (property)', () => {
    const scheme = fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,15}$/)
      .filter((s) => !['https', 'mailto'].includes(s.toLowerCase()));
    const rest = fc.oneof(
      fc.webUrl().map((url) => url.replace(/^https?:/, '')),
      fc.emailAddress(),
      fc.string(),
    );
    fc.assert(
      fc.property(scheme, rest, (name, tail) => {
        expect(isAllowedExternalUrl(`${name}:${tail}`)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('allows well-formed https URLs without credentials (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
        fc.pre(!/[\s\\]/.test(url) && !new URL(url).username && !new URL(url).password);
        expect(isAllowedExternalUrl(url)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('openExternalSafely', () => {
  it('hands allowed URLs to the shell in normalized form', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    await expect(openExternalSafely('HTTPS://Example.org/a b'.replace(' ', '%20'), shell)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/a%20b');
  });

  it('never calls the shell for refused URLs', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://example.org', 42]) {
      await expect(openExternalSafely(url, shell)).resolves.toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
