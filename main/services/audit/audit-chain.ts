import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { SerialQueue } from '../serial-queue';
import type { Statement, StatementResult, Store } from '../store/types';
import { CHAIN_START, entryHash, entryHmac, keyId, serializeEntry } from './audit-entry-hash';
import { type AuditRecord, pendingAuditRecord } from './audit-log';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import {
  AUDIT_PAGE_SQL,
  AUDIT_RECEIPTS_SQL,
  addLegacy,
  type ChainHead,
  type ChainVerification,
  GENESIS_ACTION,
  receiptFromRow,
  verifyAuditChain,
} from './audit-verify';

const INSERT_CHAINED =
  'INSERT INTO audit (seq, at, actor_id, actor_name, action, subject, detail, prev_hash, hash, hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * The tamper-evident audit log's writer. It keeps the chain head in memory and
 * links each entry to it in JS (SQL has no SHA-256). Every transaction that
 * carries audit statements goes through one queue, so two commits can never
 * take the same predecessor, and the cached head only moves after the store
 * has committed (a failed transaction leaves it where it was). The database
 * backs this up: seq is the primary key and prev_hash is unique, so even a
 * stale head cannot fork the chain; it fails the transaction instead.
 *
 * Why a wrapping store rather than changing every caller: auditStatement()
 * keeps its signature and every service keeps writing its change and its audit
 * entry in one transaction; createServices() gives them the wrapped store.
 */
export class AuditChain {
  readonly #queue = new SerialQueue();
  #head: ChainHead | null;
  #lastVerification: (ChainVerification & { verifiedAt: string }) | null = null;

  private constructor(
    private readonly store: Store,
    private readonly key: Buffer,
    private readonly clock: Clock,
    head: ChainHead | null,
  ) {
    this.#head = head;
  }

  /**
   * Loads the head; on the first start after the chain migration, seals the
   * rows written before it into a genesis entry (their digest and count), in
   * one transaction, so the old rows are covered by the chain from then on.
   */
  static async open(store: Store, key: Buffer, clock: Clock): Promise<AuditChain> {
    const chain = new AuditChain(store, key, clock, await readHead(store));
    const sealed = await store.query('SELECT 1 FROM audit WHERE hash IS NOT NULL LIMIT 1');
    if (sealed.length === 0) await chain.#seal();
    return chain;
  }

  /** The last committed entry: what the hub countersigns (sync issue). */
  chainHead(): ChainHead | null {
    return this.#head ? { ...this.#head } : null;
  }

  get keyId(): string {
    return keyId(this.key);
  }

  /** The store every service writes through: audit statements become chained entries at commit. */
  wrap(raw: Store): Store {
    const chained: Store = {
      query: (sql, params) => raw.query(sql, params),
      transaction: (statements) =>
        statements.some((s) => pendingAuditRecord(s)) ? this.#commit(raw, statements) : raw.transaction(statements),
      snapshot: () => raw.snapshot(),
      close: () => raw.close(),
      get openEvents() {
        return raw.openEvents;
      },
      get schemaVersion() {
        return raw.schemaVersion;
      },
    };
    return chained;
  }

  /** Recomputes the whole chain now. */
  async verify(): Promise<ChainVerification & { verifiedAt: string }> {
    const receipts = (await this.store.query(AUDIT_RECEIPTS_SQL)).map(receiptFromRow);
    const result = await verifyAuditChain((after, limit) => this.store.query(AUDIT_PAGE_SQL, [after, limit]), this.key, receipts);
    this.#lastVerification = { ...result, verifiedAt: this.clock.now().toISOString() };
    return this.#lastVerification;
  }

  /** The last verification, or a fresh one if none ran yet. */
  async state(): Promise<ChainVerification & { verifiedAt: string }> {
    return this.#lastVerification ?? this.verify();
  }

  #commit(raw: Store, statements: readonly Statement[]): Promise<StatementResult[]> {
    return this.#queue.run(async () => {
      let head = this.#head;
      const linked = statements.map((statement) => {
        const record = pendingAuditRecord(statement);
        if (!record) return statement;
        const link = linkEntry(head, record, this.key);
        head = link.head;
        return link.statement;
      });
      try {
        const results = await raw.transaction(linked);
        this.#head = head;
        return results;
      } catch (error) {
        // Nothing moved if the transaction failed; re-read in case the head was stale.
        this.#head = await readHead(raw);
        throw error;
      }
    });
  }

  async #seal(): Promise<void> {
    const digest = createHash('sha256');
    let count = 0;
    for (let after = 0; ;) {
      const rows = await this.store.query(AUDIT_PAGE_SQL, [after, 20_000]);
      if (rows.length === 0) break;
      for (const row of rows) {
        addLegacy(digest, row);
        count += 1;
        after = Number(row.seq);
      }
    }
    const record: AuditRecord = {
      at: this.clock.now(),
      actor: { id: 'system', name: 'Clearway' },
      action: GENESIS_ACTION,
      subject: null,
      detail: { legacyEntries: count, legacyDigest: digest.digest('hex'), keyId: keyId(this.key) },
    };
    const link = linkEntry(this.#head, record, this.key, CHAIN_START);
    await this.store.transaction([link.statement]);
    this.#head = link.head;
  }
}

/** The chained INSERT for one record after `head`, and the head it makes. */
function linkEntry(head: ChainHead | null, record: AuditRecord, key: Buffer, prevHash = head?.hash ?? CHAIN_START) {
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: record.at.toISOString(),
    actorId: record.actor?.id ?? null,
    actorName: record.actor?.name ?? null,
    action: record.action,
    subject: record.subject ?? null,
    detail: canonicalJson(record.detail ?? {}),
    prevHash,
  };
  const serialized = serializeEntry(fields);
  const hash = entryHash(serialized);
  const statement: Statement = {
    sql: INSERT_CHAINED,
    params: [
      fields.seq,
      fields.at,
      fields.actorId,
      fields.actorName,
      fields.action,
      fields.subject,
      fields.detail,
      prevHash,
      hash,
      entryHmac(key, serialized),
    ],
  };
  return { statement, head: { seq: fields.seq, hash, at: fields.at } satisfies ChainHead };
}

/** seq of the last row, linked to the last chained row's hash (an unchained row never becomes a predecessor). */
async function readHead(store: Store): Promise<ChainHead | null> {
  const last = await store.query('SELECT seq, at FROM audit ORDER BY seq DESC LIMIT 1');
  if (!last[0]) return null;
  const chained = await store.query('SELECT hash FROM audit WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1');
  return { seq: Number(last[0].seq), at: String(last[0].at), hash: chained[0] ? String(chained[0].hash) : CHAIN_START };
}
