import type { Decision } from '../../../preload/contract/schemas/queue';

/** How many prefilled reasons each decision offers (keys reasons.<decision>.1..n in the locales). */
export const REASON_COUNT = 4;

export type ReasonTopic = Decision | 'reroute' | 'review';

export function reasonKeys(topic: ReasonTopic): string[] {
  return Array.from({ length: REASON_COUNT }, (_, i) => `reasons.${topic}.${i + 1}`);
}
