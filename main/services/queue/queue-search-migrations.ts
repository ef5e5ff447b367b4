/**
 * The text filter's index (numbered in main/services/migrations.ts, at the end).
 *
 * The filter is a substring match (instr) on `search_text`, so no b-tree can seek
 * it; but an index on that one column is a narrow copy the filter can scan instead
 * of the wide queue rows: counting matches over 100k declarations reads ~3× fewer
 * pages, and sparse matches are found there before the page is sorted (see
 * queue-query.ts). Full-text search (FTS4 in sql.js) would seek, but only matches
 * word prefixes: an officer typing the last digits of a container or plate would
 * find nothing, so the exact substring semantics stay.
 */
import type { MigrationStep } from '../store/types';

export const queueSearchMigrations: MigrationStep[] = [
  {
    name: 'queue: narrow index for the text filter',
    sql: 'CREATE INDEX queue_search ON declaration_queue (search_text);',
  },
];
