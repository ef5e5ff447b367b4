import { describe, expect, it } from 'vitest';
import { Condition, REGEX_MAX_LENGTH, unsafeRegexReason } from '../../../preload/contract/schemas/risk';
import { compileCondition } from '../../../main/services/risk/compiled-condition';

describe('regex safety at save', () => {
  it.each([
    '^85(17|25)',
    '^0[23]',
    '^[A-Z]{4}\\d{7}$',
    '^(?:CN|HK)\\d+$',
    '^(?<chapter>\\d{2})',
    'ab?c',
    '^(AB)+$',
    '^(\\d{3})+$',
    '\\(a+\\)+',
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', /nested quantifier/],
    ['(a*)*b', /nested quantifier/],
    ['^(\\d+\\s?)+$', /nested quantifier/],
    ['((ab)+)*', /nested quantifier/],
    ['(a{1,5})+', /nested quantifier/],
    ['(a|aa)+$', /alternation/],
    ['(x|y){2,}', /alternation/],
    ['(a)\\1', /backreference/],
    ['(', /does not compile/],
    ['[z-a]', /does not compile/],
    ['', /empty/],
    ['a'.repeat(REGEX_MAX_LENGTH + 1), /longer than/],
  ])('rejects %s', (pattern, reason) => {
    expect(unsafeRegexReason(pattern)).toMatch(reason);
    expect(Condition.safeParse({ field: 'hsCode', op: 'regex', pattern }).success).toBe(false);
  });

  it('allows only the i flag', () => {
    expect(unsafeRegexReason('a', 'i')).toBeNull();
    expect(unsafeRegexReason('a', 'g')).toMatch(/flag/);
  });

  it('refuses an unsafe pattern even when the config was not parsed', () => {
    expect(() => compileCondition({ field: 'hsCode', op: 'regex', pattern: '(a+)+' })).toThrow(/nested quantifier/);
  });

  it('an accepted pattern runs fast on a hostile value', () => {
    const condition = compileCondition(Condition.parse({ field: 'exporterId', op: 'regex', pattern: '^(AB)+$' }));
    const started = performance.now();
    condition.satisfiedBy(['AB'.repeat(5000) + 'X']);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
