/**
 * Versions of a declaration: what a received message does to the one already held.
 *
 * Every version is kept (`declaration_versions`); what it does depends on its message
 * function (CUSDEC BGM 1225, WCO FunctionCode) and where the declaration stands:
 *
 * - the same content again (same hash) is a duplicate: counted, not stored;
 * - a first version is the original, whatever its function;
 * - before release, an amendment (9 re-sent, 5 or 4) is re-assessed: the lane never goes
 *   below one a supervisor set by hand, status and assignee stay;
 * - after release, an amendment is kept for post-clearance review and the release stands;
 * - a cancellation (1) withdraws a declaration not yet released; after release, or of a
 *   number never received, it is refused with the reason;
 * - nothing is added to a cancelled declaration.
 *
 * planVersion() is the rule, pure; the intake turns its plan into statements.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { type Declaration, type MessageFunction, messageFunctionOf } from '../../../preload/contract/schemas/declarations';
import type { DeclarationStatus, VersionOutcome } from '../../../preload/contract/schemas/queue';
import { LANE_PRECEDENCE, type Lane } from '../../../preload/contract/schemas/risk';
import type { Statement, Store } from '../store/types';

/** SHA-256 of the message function and the normalised declaration (key order and absent fields do not matter). */
export function contentHash(d: Declaration): string {
  const { functionCode: _fn, ...content } = d;
  return createHash('sha256')
    .update(`${messageFunctionOf(d)}\n${canonicalJson(content)}`)
    .digest('hex');
}

export const FUNCTION_WORD: Readonly<Record<MessageFunction, string>> = {
  '9': 'original',
  '5': 'replacement',
  '4': 'amendment',
  '1': 'cancellation',
};

/** Where a declaration number stands before a message is applied. */
export interface VersionState {
  /** Null when the number has no queue row. */
  status: DeclarationStatus | null;
  lane: Lane | null;
  manualLane: Lane | null;
  releasedAt: string | null;
  cancelledAt: string | null;
  /** Stored versions: number and content hash. */
  versions: { version: number; hash: string }[];
}

export const NO_STATE: VersionState = {
  status: null,
  lane: null,
  manualLane: null,
  releasedAt: null,
  cancelledAt: null,
  versions: [],
};

export type VersionPlan =
  | { kind: 'duplicate'; version: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'store'; version: number; outcome: VersionOutcome };

export function planVersion(number: string, state: VersionState, fn: MessageFunction, hash: string): VersionPlan {
  const same = state.versions.find((v) => v.hash === hash);
  if (same) return { kind: 'duplicate', version: same.version };
  const version = state.versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  if (state.status === 'cancelled')
    return {
      kind: 'refused',
      reason: `declaration ${number} was cancelled${state.cancelledAt ? ` at ${state.cancelledAt}` : ''}; a cancelled declaration takes no further versions: lodge a new declaration under a new number`,
    };
  if (state.status === 'released') {
    if (fn === '1')
      return {
        kind: 'refused',
        reason: `cancellation of ${number} refused: it was released${state.releasedAt ? ` at ${state.releasedAt}` : ''} and a release is final; ask the customs office to invalidate the declaration`,
      };
    return { kind: 'store', version, outcome: 'postRelease' };
  }
  if (state.status === null) {
    if (fn === '1')
      return {
        kind: 'refused',
        reason: `cancellation of ${number} refused: Clearway has not received that declaration, so there is nothing to cancel`,
      };
    return { kind: 'store', version, outcome: 'original' };
  }
  return { kind: 'store', version, outcome: fn === '1' ? 'cancellation' : 'reassessed' };
}

/** The lane after re-assessment: the engine's, but never below a lane set by hand. */
export function laneAfterAmendment(engineLane: Lane, manualLane: Lane | null): Lane {
  if (manualLane && LANE_PRECEDENCE[manualLane] > LANE_PRECEDENCE[engineLane]) return manualLane;
  return engineLane;
}

function sqlParamList(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * The state of each number, read in two queries. Versions stored before hashes were kept
 * get theirs now, and `fill` holds the UPDATEs that save them with the batch.
 */
export async function loadVersionStates(
  store: Store,
  numbers: readonly string[],
): Promise<{ states: Map<string, VersionState>; fill: Statement[] }> {
  const states = new Map<string, VersionState>();
  const fill: Statement[] = [];
  if (numbers.length === 0) return { states, fill };
  const list = sqlParamList(numbers.length);
  const rows = await store.query<{
    number: string;
    status: string;
    lane: string;
    manual_lane: string | null;
    released_at: string | null;
    cancelled_at: string | null;
  }>(`SELECT number, status, lane, manual_lane, released_at, cancelled_at FROM declaration_queue WHERE number IN (${list})`, [
    ...numbers,
  ]);
  for (const r of rows)
    states.set(r.number, {
      status: r.status as DeclarationStatus,
      lane: r.lane as Lane,
      manualLane: r.manual_lane as Lane | null,
      releasedAt: r.released_at,
      cancelledAt: r.cancelled_at,
      versions: [],
    });
  const versions = await store.query<{ number: string; version: number; content_hash: string; body: string | null }>(
    `SELECT number, version, content_hash, CASE WHEN content_hash = '' THEN body END AS body FROM declaration_versions WHERE number IN (${list})`,
    [...numbers],
  );
  for (const v of versions) {
    let state = states.get(v.number);
    if (!state) states.set(v.number, (state = { ...NO_STATE, versions: [] }));
    let hash = v.content_hash;
    if (hash === '' && v.body !== null) {
      hash = contentHash(JSON.parse(v.body) as Declaration);
      fill.push({
        sql: 'UPDATE declaration_versions SET content_hash = ? WHERE number = ? AND version = ?',
        params: [hash, v.number, v.version],
      });
    }
    state.versions.push({ version: Number(v.version), hash });
  }
  return { states, fill };
}

export function versionStatement(
  d: Declaration,
  version: number,
  outcome: VersionOutcome,
  hash: string,
  receivedAt: string,
  source: { file: string; format: string },
): Statement {
  return {
    sql: `INSERT INTO declaration_versions (number, version, function_code, outcome, received_at, source_file, source_format, content_hash, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      d.functionalReferenceId,
      version,
      messageFunctionOf(d),
      outcome,
      receivedAt,
      source.file,
      source.format,
      hash,
      JSON.stringify(d),
    ],
  };
}

export function duplicateStatement(number: string, version: number): Statement {
  return {
    sql: 'UPDATE declaration_versions SET duplicates = duplicates + 1 WHERE number = ? AND version = ?',
    params: [number, version],
  };
}
