/**
 * Reads the kept versions of a declaration, each with the fields that changed from
 * the version before it, for the detail pane.
 */
import { Declaration, type MessageFunction } from '../../../preload/contract/schemas/declarations';
import type { DeclarationVersion, VersionOutcome, VersionReview } from '../../../preload/contract/schemas/queue';
import type { Row, Store } from '../store/types';
import { declarationDiff } from './declaration-diff';

export interface VersionRow extends Row {
  number: string;
  version: number;
  function_code: string;
  outcome: string;
  received_at: string;
  source_file: string;
  source_format: string;
  content_hash: string;
  body: string;
  duplicates: number;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export function reviewOf(r: VersionRow): VersionReview | null {
  return r.reviewed_at ? { at: r.reviewed_at, by: r.reviewed_by ?? '', note: r.review_note ?? '' } : null;
}

export function bodyOf(r: { body: string }): Declaration {
  return Declaration.parse(JSON.parse(r.body));
}

/** Every version, newest first. */
export async function versionsOf(store: Store, number: string): Promise<DeclarationVersion[]> {
  const rows = await store.query<VersionRow>('SELECT * FROM declaration_versions WHERE number = ? ORDER BY version', [number]);
  let previous: Declaration | null = null;
  const out: DeclarationVersion[] = [];
  for (const r of rows) {
    const body = bodyOf(r);
    out.push({
      version: Number(r.version),
      functionCode: r.function_code as MessageFunction,
      outcome: r.outcome as VersionOutcome,
      receivedAt: r.received_at,
      sourceFile: r.source_file,
      format: r.source_format,
      contentHash: r.content_hash,
      duplicates: Number(r.duplicates),
      changes: declarationDiff(previous, body),
      review: reviewOf(r),
    });
    previous = body;
  }
  return out.reverse();
}
