/**
 * Post-clearance review: amendments received after release. The release stands
 * (nothing in the queue row changes); a supervisor reads the difference against
 * the released version and records a review, which is audited and shown on the
 * declaration's timeline.
 */
import type { User } from '../../../preload/contract/schemas/auth';
import type { MessageFunction } from '../../../preload/contract/schemas/declarations';
import type { PostReleaseAmendment } from '../../../preload/contract/schemas/queue';
import type { Lane } from '../../../preload/contract/schemas/risk';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Store } from '../store/types';
import { declarationDiff } from './declaration-diff';
import { bodyOf, reviewOf, type VersionRow } from './version-history';

interface ReviewRow extends VersionRow {
  released_at: string;
  trader_name: string;
  lane: string;
  released_body: string;
}

const SELECT = `SELECT v.*, q.released_at, q.trader_name, q.lane, d.body AS released_body
  FROM declaration_versions v
  JOIN declaration_queue q ON q.number = v.number
  JOIN declarations d ON d.number = v.number
  WHERE v.outcome = 'postRelease'`;

function toAmendment(r: ReviewRow): PostReleaseAmendment {
  return {
    number: r.number,
    version: Number(r.version),
    functionCode: r.function_code as MessageFunction,
    receivedAt: r.received_at,
    sourceFile: r.source_file,
    releasedAt: r.released_at,
    traderName: r.trader_name,
    lane: r.lane as Lane,
    changes: declarationDiff(bodyOf({ body: r.released_body }), bodyOf(r)),
    review: reviewOf(r),
  };
}

/** Amendments waiting for review (oldest first), or the reviewed ones (newest review first, last 500). */
export async function postReleaseAmendments(store: Store, reviewed: boolean): Promise<PostReleaseAmendment[]> {
  const rows = await store.query<ReviewRow>(
    reviewed
      ? `${SELECT} AND v.reviewed_at IS NOT NULL ORDER BY v.reviewed_at DESC LIMIT 500`
      : `${SELECT} AND v.reviewed_at IS NULL ORDER BY v.received_at, v.number, v.version`,
  );
  return rows.map(toAmendment);
}

export async function reviewAmendment(
  store: Store,
  clock: Clock,
  user: User,
  input: { id: string; version: number; note: string },
): Promise<PostReleaseAmendment> {
  const find = async () =>
    (await store.query<ReviewRow>(`${SELECT} AND v.number = ? AND v.version = ?`, [input.id, input.version]))[0];
  const row = await find();
  if (!row)
    throw new ServiceError(
      'NOT_FOUND',
      `${input.id} has no version ${input.version} received after release: only post-release amendments are reviewed here`,
    );
  if (row.reviewed_at)
    throw new ServiceError(
      'FAILED_PRECONDITION',
      `version ${input.version} of ${input.id} was already reviewed by ${row.reviewed_by}`,
    );
  const at = clock.now();
  const iso = at.toISOString();
  await store.transaction([
    {
      sql: 'UPDATE declaration_versions SET reviewed_at = ?, reviewed_by = ?, review_note = ? WHERE number = ? AND version = ? AND reviewed_at IS NULL',
      params: [iso, user.displayName, input.note, input.id, input.version],
    },
    {
      sql: `INSERT INTO declaration_events (number, at, kind, actor_id, actor_name, reason, version) VALUES (?, ?, 'reviewed', ?, ?, ?, ?)`,
      params: [input.id, iso, user.id, user.displayName, input.note, input.version],
    },
    auditStatement({
      at,
      actor: actorOf(user),
      action: 'declaration.reviewAmendment',
      subject: input.id,
      detail: { version: input.version, note: input.note },
    }),
  ]);
  return toAmendment((await find())!);
}
