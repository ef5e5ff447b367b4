import type { RiskProfile } from '../../../preload/contract/schemas/risk';

/**
 * Today's date (YYYY-MM-DD) in the office's time zone: a profile valid from
 * 1 March starts at local midnight, not at midnight UTC.
 */
export function localDateReader(timeZone: string): (now: Date) => string {
  // en-CA formats as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (now) => format.format(now);
}

/** Active and within validFrom..validTo (both inclusive; ISO dates compare as strings). */
export function profileInForce(profile: RiskProfile, today: string): boolean {
  return profile.active && profile.validFrom <= today && (profile.validTo === null || today <= profile.validTo);
}
