-- Cases as the hub's merged state holds them: one row per case, for queries and
-- reports on the hub (which cases are closed, when, and by whom). entity_fields
-- stays the one source of truth (generic, merged by the rules the workstations
-- share); this view only reads it, so it can never disagree with a pull.
--
-- Values there are canonical JSON; #>> '{}' unwraps a JSON string (JSON null
-- becomes SQL NULL). closed_by_* arrive with the close as fields closedById /
-- closedByName (workstations from before then never sent them, and a case closed
-- there shows NULL: unknown). The closer belongs to the current closure, so a
-- case that is not closed shows none, as on the workstations (case-sync.ts).
CREATE VIEW case_states AS
WITH f AS (
  SELECT
    entity_id,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'ref') AS ref,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'title') AS title,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'status') AS status,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'subjectKind') AS subject_kind,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'subjectRef') AS subject_ref,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'assigneeId') AS assignee_id,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'assigneeName') AS assignee_name,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'openedById') AS opened_by_id,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'openedByName') AS opened_by_name,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'openedAt') AS opened_at,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'updatedAt') AS updated_at,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'closedAt') AS closed_at,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'closedById') AS closed_by_id,
    max(value::jsonb #>> '{}') FILTER (WHERE field = 'closedByName') AS closed_by_name,
    coalesce(bool_or(field = '$deleted' AND value = 'true'), false) AS deleted
  FROM entity_fields
  WHERE entity = 'case'
  GROUP BY entity_id
)
SELECT
  entity_id AS case_id,
  ref,
  title,
  status,
  subject_kind,
  subject_ref,
  assignee_id,
  assignee_name,
  opened_by_id,
  opened_by_name,
  opened_at::timestamptz AS opened_at,
  updated_at::timestamptz AS updated_at,
  closed_at::timestamptz AS closed_at,
  CASE WHEN status = 'closed' THEN closed_by_id END AS closed_by_id,
  CASE WHEN status = 'closed' THEN closed_by_name END AS closed_by_name
FROM f
-- A case whose opening upsert has not reached the hub yet (only items or a
-- backfilled closer) is not a case here yet, as on the workstations.
WHERE NOT deleted AND status IS NOT NULL AND ref IS NOT NULL;
