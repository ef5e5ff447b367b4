/**
 * Four eyes on the risk configuration: a saved rule or watchlist decides which
 * declarations are stopped, so a save is a request until a second supervisor
 * approves it; the approval writes the version as its requester saved it.
 * Profiles and random selection save at once (they only group or sample).
 */
import type { Approval } from '../../../preload/contract/schemas/approvals';
import type { User } from '../../../preload/contract/schemas/auth';
import { RiskRuleDraft, WatchlistDraft } from '../../../preload/contract/schemas/risk';
import type { ApprovalService } from '../approvals/approval-service';
import { ServiceError } from '../errors';
import type { RiskAdmin } from './risk-admin';

type RuleDraft = import('zod').output<typeof RiskRuleDraft>;
type ListDraft = import('zod').output<typeof WatchlistDraft>;

export class RiskApprovals {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly admin: RiskAdmin,
  ) {
    approvals.register('risk.rule', async (request, requester, _approver, record) => {
      const { rule, expectedVersion } = request.payload as { rule: RuleDraft; expectedVersion: number };
      await admin.saveRule(requester, rule, expectedVersion, record);
    });
    approvals.register('risk.watchlist', async (request, requester, _approver, record) => {
      const { watchlist, expectedVersion } = request.payload as { watchlist: ListDraft; expectedVersion: number };
      await admin.saveWatchlist(requester, watchlist, expectedVersion, record);
    });
  }

  /** Checks the rule as the save would (version, configuration), then asks for approval. */
  async requestRule(user: User, rule: RuleDraft, expectedVersion: number, reason: string | undefined): Promise<Approval> {
    const { current } = await this.admin.candidate([rule], []);
    this.#checkVersion('rule', rule.id, current.rules.find((r) => r.id === rule.id)?.version ?? 0, expectedVersion);
    return this.approvals.request(user, {
      kind: 'risk.rule',
      subject: rule.id,
      summary: `${rule.name}: ${rule.active ? 'active' : 'inactive'}, lane ${rule.lane}, score ${rule.score}, ${rule.conditions.length} condition(s) (version ${expectedVersion + 1})`,
      reason: reason || `Rule ${rule.id} saved without a stated reason`,
      payload: { rule, expectedVersion },
    });
  }

  async requestWatchlist(
    user: User,
    watchlist: ListDraft,
    expectedVersion: number,
    reason: string | undefined,
  ): Promise<Approval> {
    const { current } = await this.admin.candidate([], [watchlist]);
    this.#checkVersion(
      'watchlist',
      watchlist.id,
      current.watchlists.find((w) => w.id === watchlist.id)?.version ?? 0,
      expectedVersion,
    );
    return this.approvals.request(user, {
      kind: 'risk.watchlist',
      subject: watchlist.id,
      summary: `${watchlist.name}: ${watchlist.active ? 'active' : 'inactive'}, ${watchlist.kind}, lane ${watchlist.lane}, score ${watchlist.score}, ${watchlist.entries.length} entries (version ${expectedVersion + 1})`,
      reason: reason || `Watchlist ${watchlist.id} saved without a stated reason`,
      payload: { watchlist, expectedVersion },
    });
  }

  #checkVersion(kind: string, id: string, current: number, expected: number): void {
    if (current !== expected)
      throw new ServiceError('CONFLICT', `${kind} ${id} is at version ${current}, not ${expected}: reload and edit again`);
  }
}
