import { describe, expect, it } from 'vitest';
import { formatMinutes } from '../../../renderer/features/dashboard/releaseFormat';

const units = { min: 'min', h: 'h', d: 'd' };

describe('release time format', () => {
  it('reads as officers say it: minutes, hours and minutes, days and hours', () => {
    expect(formatMinutes(42.4, units)).toBe('42 min');
    expect(formatMinutes(185, units)).toBe('3 h 05 min');
    expect(formatMinutes(3 * 1440 + 250, units)).toBe('3 d 4 h');
    expect(formatMinutes(null, units)).toBe('–');
    expect(formatMinutes(Number.NaN, units)).toBe('–');
  });

  it('writes a step that came first (lodged before arrival) with a minus sign, in the same units', () => {
    expect(formatMinutes(-662, units)).toBe('\u221211 h 02 min');
    expect(formatMinutes(-5, units)).toBe('\u22125 min');
    expect(formatMinutes(-0.3, units)).toBe('0 min');
  });
});
