import { fullTime } from '../queue/format';

/** A sync time in the officer's local time with the zone, or null when there is none. */
export function formatSyncTime(iso: string | null, locale: string): string | null {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return null;
  return fullTime(iso, locale);
}
