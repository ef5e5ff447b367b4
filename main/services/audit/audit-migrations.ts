import type { MigrationStep } from '../store/types';

/**
 * The hash chain. SQL cannot compute SHA-256/HMAC, so the columns start empty for
 * rows written before this step; at the next start the audit service seals those
 * rows into one digest carried by an `audit.genesis` entry, which starts the chain
 * (see audit-chain.ts). The partial unique index makes a fork impossible in the
 * database itself: two entries can never claim the same predecessor.
 */
export const auditMigrations: readonly MigrationStep[] = [
  {
    name: 'audit hash chain',
    sql: `
      ALTER TABLE audit ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit ADD COLUMN hash TEXT;
      ALTER TABLE audit ADD COLUMN hmac TEXT;
      CREATE UNIQUE INDEX audit_chain_link ON audit(prev_hash) WHERE prev_hash IS NOT NULL;
    `,
  },
];
