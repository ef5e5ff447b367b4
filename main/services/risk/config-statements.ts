/**
 * INSERTs that store a whole configuration as version rows, in the layout
 * RiskRulesRepository reads (body = the draft without id/version/author/updatedAt).
 * Used to seed a fresh profile inside one larger transaction (demo data).
 */
import type { RiskConfig } from '../../../preload/contract/schemas/risk';
import type { Statement } from '../store/types';
import { RISK_TABLES } from './risk-migrations';

function row(
  table: string,
  item: { version: number; author: string; updatedAt: string } & Record<string, unknown>,
  id: string,
  active: boolean,
): Statement {
  const { id: _id, version, author, updatedAt, ...body } = item;
  return {
    sql: `INSERT INTO ${table} (id, version, author, updated_at, active, body) VALUES (?, ?, ?, ?, ?, ?)`,
    params: [id, version, author, updatedAt, active ? 1 : 0, JSON.stringify(body)],
  };
}

export function riskConfigStatements(config: RiskConfig): Statement[] {
  return [
    ...config.profiles.map((p) => row(RISK_TABLES.profile, p, p.id, p.active)),
    ...config.rules.map((r) => row(RISK_TABLES.rule, r, r.id, r.active)),
    ...config.watchlists.map((w) => row(RISK_TABLES.watchlist, w, w.id, w.active)),
    row(RISK_TABLES.randomSelection, config.randomSelection, 'random-selection', true),
  ];
}
