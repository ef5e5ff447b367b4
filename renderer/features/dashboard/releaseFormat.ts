/**
 * Minutes as officers read release times: "42 min", "3 h 05 min", "2 d 4 h". A step
 * that came before the one it is measured from (a declaration lodged before arrival)
 * is negative: "−11 h 02 min", with a minus sign.
 */
export function formatMinutes(minutes: number | null, units: { min: string; h: string; d: string }): string {
  if (minutes === null || !Number.isFinite(minutes)) return '–';
  if (Math.round(minutes) < 0) return `\u2212${formatMinutes(-minutes, units)}`;
  const m = Math.round(minutes);
  if (m < 60) return `${m} ${units.min}`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} ${units.h} ${String(m % 60).padStart(2, '0')} ${units.min}`;
  return `${Math.floor(m / 1440)} ${units.d} ${Math.floor((m % 1440) / 60)} ${units.h}`;
}
