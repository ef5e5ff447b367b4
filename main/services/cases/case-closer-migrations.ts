import type { MigrationStep } from '../store/types';

/**
 * Who closed a case, as data of the case (closed_by_id / closed_by_name beside
 * closed_at), so it syncs with the case instead of living only in the audit
 * log of the workstation that closed it. A separate list from caseMigrations:
 * the global sequence numbers steps by position, and caseMigrations is not the
 * last area in it, so growing that list would renumber later areas' steps.
 *
 * The backfill reads this workstation's own audit log: the 'case.status' entry
 * to 'closed' whose time is the case's closed_at is the act that produced the
 * current closure (setStatus writes both from one instant), so an older close
 * of a case that was reopened and closed again elsewhere is never taken. The
 * name is the display name the officer had then: the audit keeps
 * "<display name> (<user name>)", and the suffix is cut when the account is
 * known here. A case with no such entry (closed on another workstation, or
 * before the audit chain) keeps an empty closer: the UI says "unknown".
 *
 * Each filled closer also goes into the outbox as an upsert of the two fields
 * (at = the closing time, actor = the closer), numbered like mutationStatements
 * numbers them, so the hub and the other workstations learn closers that only
 * this workstation knew. SQL only and deterministic: the store replays it.
 */
export const caseCloserMigrations: readonly MigrationStep[] = [
  {
    name: 'cases: who closed the case, filled from the local audit log and sent to the hub',
    sql: `
      ALTER TABLE cases ADD COLUMN closed_by_id TEXT;
      ALTER TABLE cases ADD COLUMN closed_by_name TEXT;

      CREATE TEMP TABLE case_closer_backfill AS
        SELECT c.id AS case_id, c.closed_at AS closed_at, a.actor_id AS closer_id,
          CASE
            WHEN u.username IS NOT NULL AND length(a.actor_name) > length(u.username) + 3
              AND substr(a.actor_name, -(length(u.username) + 3)) = ' (' || u.username || ')'
            THEN substr(a.actor_name, 1, length(a.actor_name) - length(u.username) - 3)
            ELSE IFNULL(a.actor_name, a.actor_id)
          END AS closer_name
        FROM cases c
        JOIN audit a ON a.seq = (
          SELECT max(x.seq) FROM audit x
          WHERE x.action = 'case.status' AND x.subject = c.id AND x.at = c.closed_at
            AND json_valid(x.detail) AND json_extract(x.detail, '$.to') = 'closed' AND x.actor_id IS NOT NULL
        )
        LEFT JOIN users u ON u.id = a.actor_id
        WHERE c.status = 'closed' AND c.closed_at IS NOT NULL;

      UPDATE cases SET
        closed_by_id = (SELECT b.closer_id FROM case_closer_backfill b WHERE b.case_id = cases.id),
        closed_by_name = (SELECT b.closer_name FROM case_closer_backfill b WHERE b.case_id = cases.id)
      WHERE id IN (SELECT case_id FROM case_closer_backfill);

      INSERT INTO sync_outbox (mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id)
        SELECT s.next_mutation_id - 1 + row_number() OVER (ORDER BY b.closed_at, b.case_id), s.cursor, 'case', b.case_id, 'upsert',
          json_object('closedById', b.closer_id, 'closedByName', b.closer_name), b.closed_at, b.closer_id
        FROM case_closer_backfill b, sync_state s WHERE s.id = 1;
      UPDATE sync_state SET next_mutation_id = next_mutation_id + (SELECT count(*) FROM case_closer_backfill) WHERE id = 1;

      DROP TABLE case_closer_backfill;
    `,
  },
];
