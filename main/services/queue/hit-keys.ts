import type { Hit } from '../../../preload/contract/schemas/risk';

/** One key per thing that can hit ('rule:<id>', 'watchlist:<id>', 'random'): the unit of prior dispositions. */
export function hitKey(hit: Hit): string {
  if (hit.kind === 'rule') return `rule:${hit.ruleId}`;
  if (hit.kind === 'watchlist') return `watchlist:${hit.watchlistId}`;
  return 'random';
}

export function hitLabel(hit: Hit): string {
  if (hit.kind === 'rule') return hit.ruleName;
  if (hit.kind === 'watchlist') return hit.watchlistName;
  return 'Random selection';
}
