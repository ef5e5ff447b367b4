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
  WatchlistDraft,
} from '../schemas/risk';
import { Approval } from '../schemas/approvals';
import { Id } from '../schemas/common';
import { channel, none } from '../channel';

const ExpectedVersion = z.number().int().min(0);
/** Why the rule or watchlist changes, for the approving supervisor. */
const ChangeReason = z.string().trim().max(500).optional();

export const riskChannels = {
  'cw:risk.config': channel({ input: none, output: RiskConfig, access: 'declarations.read' }),
  /** A request for a second supervisor's approval (four eyes): the rule changes when it is approved. */
  'cw:risk.saveRule': channel({
    input: z.object({ rule: RiskRuleDraft, expectedVersion: ExpectedVersion, reason: ChangeReason }),
    output: Approval,
    access: 'risk.manage',
  }),
  'cw:risk.saveProfile': channel({
    input: z.object({ profile: RiskProfileDraft, expectedVersion: ExpectedVersion }),
    output: RiskProfile,
    access: 'risk.manage',
  }),
  /** A request for a second supervisor's approval (four eyes): the watchlist changes when it is approved. */
  'cw:risk.saveWatchlist': channel({
    input: z.object({ watchlist: WatchlistDraft, expectedVersion: ExpectedVersion, reason: ChangeReason }),
    output: Approval,
    access: 'risk.manage',
  }),
  'cw:risk.saveRandomSelection': channel({
    input: z.object({ randomSelection: RandomSelectionDraft, expectedVersion: ExpectedVersion }),
    output: RandomSelection,
    access: 'risk.manage',
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
    access: 'risk.manage',
  }),
  /** Every version of a rule, oldest first. */
  'cw:risk.ruleHistory': channel({ input: z.object({ id: Id }), output: z.array(RiskRule), access: 'declarations.read' }),
} as const;
