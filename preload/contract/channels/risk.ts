/**
 * Risk configuration (rules, profiles, watchlists, random selection): read by
 * everyone working the queue, edited by supervisors. Every save is a new version
 * and takes the version the editor started from (0 for new): a different current
 * version fails with CONFLICT.
 */
import { z } from 'zod';
import {
  DryRunResult,
  RandomSelection,
  RandomSelectionDraft,
  RiskConfig,
  RiskProfile,
  RiskProfileDraft,
  RiskRule,
  RiskRuleDraft,
  Watchlist,
  WatchlistDraft,
} from '../schemas/risk';
import { Id } from '../schemas/common';
import { channel, none } from '../channel';

const ExpectedVersion = z.number().int().min(0);

export const riskChannels = {
  'cw:risk.config': channel({ input: none, output: RiskConfig, access: 'session' }),
  'cw:risk.saveRule': channel({
    input: z.object({ rule: RiskRuleDraft, expectedVersion: ExpectedVersion }),
    output: RiskRule,
    access: ['supervisor'],
  }),
  'cw:risk.saveProfile': channel({
    input: z.object({ profile: RiskProfileDraft, expectedVersion: ExpectedVersion }),
    output: RiskProfile,
    access: ['supervisor'],
  }),
  'cw:risk.saveWatchlist': channel({
    input: z.object({ watchlist: WatchlistDraft, expectedVersion: ExpectedVersion }),
    output: Watchlist,
    access: ['supervisor'],
  }),
  'cw:risk.saveRandomSelection': channel({
    input: z.object({ randomSelection: RandomSelectionDraft, expectedVersion: ExpectedVersion }),
    output: RandomSelection,
    access: ['supervisor'],
  }),
  /**
   * What the candidate rules (replacing current ones with the same id, others
   * added) would have done to the last `days` days of declarations.
   */
  'cw:risk.dryRun': channel({
    input: z.object({
      rules: z.array(RiskRuleDraft).max(1000),
      watchlists: z.array(WatchlistDraft).max(200).default([]),
      days: z.number().int().min(1).max(366),
    }),
    output: DryRunResult,
    access: ['supervisor'],
  }),
  /** Every version of a rule, oldest first. */
  'cw:risk.ruleHistory': channel({ input: z.object({ id: Id }), output: z.array(RiskRule), access: 'session' }),
} as const;
