/**
 * Service-level targets for release, per lane (TFA Art. 7.6 average release
 * times; 7.9 perishables). The clock starts when the goods can be dealt with:
 * at arrival, or at lodgement when the declaration is lodged after arrival
 * (pre-arrival processing, TFA Art. 7.1).
 */
import type { Lane } from '../../../preload/contract/schemas/risk';

const MINUTE = 60_000;

export const SLA_MINUTES: Readonly<Record<Lane, number>> = {
  green: 30,
  yellow: 4 * 60,
  red: 8 * 60,
  blue: 24 * 60,
};

export function slaStart(lodgementTime: string, arrivalTime: string | null | undefined): Date {
  const lodged = Date.parse(lodgementTime);
  const arrived = arrivalTime ? Date.parse(arrivalTime) : lodged;
  return new Date(Math.max(lodged, arrived));
}

/** Perishable goods get half the time. */
export function slaDueAt(lane: Lane, perishable: boolean, lodgementTime: string, arrivalTime: string | null | undefined): string {
  const minutes = perishable ? SLA_MINUTES[lane] / 2 : SLA_MINUTES[lane];
  return new Date(slaStart(lodgementTime, arrivalTime).getTime() + minutes * MINUTE).toISOString();
}
