/**
 * Persists imported declarations through the Store: one transaction per message
 * (declaration row, its goods items and containers), so a message is stored
 * whole or not at all. These tables hold the version in force; every received
 * version is kept in declaration_versions (see queue/declaration-versions.ts).
 * Statements are deterministic: times come in as parameters.
 */
import { Declaration, type Reject, traderLabel } from '../../../preload/contract/schemas/declarations';
import type { Clock } from '../clock';
import { plateKeyOf } from '../gate/plate-key';
import type { Statement, Store } from '../store/types';

export interface DeclarationSource {
  file: string;
  format: string;
}

export interface DeclarationSummary {
  number: string;
  lodgementTime: string;
  declarantId: string;
  itemCount: number;
  grossMassKg: number;
  vehiclePlate: string | null;
  perishable: boolean;
  expedited: boolean;
  aeo: boolean;
}

export interface DeclarationsRepositoryOptions {
  store: Store;
  clock: Clock;
}

export class DeclarationsRepository {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(options: DeclarationsRepositoryOptions) {
    this.store = options.store;
    this.clock = options.clock;
  }

  /** The statements for one declaration; exposed so a caller can add its own (e.g. audit) to the same transaction. */
  saveStatements(d: Declaration, source: DeclarationSource): Statement[] {
    const n = d.functionalReferenceId;
    const at = this.clock.now().toISOString();
    const statements: Statement[] = [
      { sql: 'DELETE FROM declaration_items WHERE declaration_number = ?', params: [n] },
      { sql: 'DELETE FROM declaration_containers WHERE declaration_number = ?', params: [n] },
      {
        sql: `INSERT OR REPLACE INTO declarations (number, type_code, office, lodgement_time, arrival_time, declarant_id, declarant_name,
          exporter_id, exporter_name, importer_id, importer_name, transport_mode, means_id, vehicle_plate, loading_location,
          unloading_location, perishable, expedited, aeo, item_count, gross_mass_kg, customs_value_json, source_file, source_format,
          imported_at, body, plate_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          n,
          d.typeCode,
          d.office,
          d.lodgementTime,
          d.arrivalTime ?? null,
          d.declarant.id,
          traderLabel(d.declarant),
          d.exporter?.id ?? null,
          d.exporter?.name ?? null,
          d.importer?.id ?? null,
          d.importer?.name ?? null,
          d.transport.mode,
          d.transport.meansId ?? null,
          d.transport.vehiclePlate ?? null,
          d.loadingLocation ?? null,
          d.unloadingLocation ?? null,
          d.flags.perishable ? 1 : 0,
          d.flags.expedited ? 1 : 0,
          d.flags.aeo ? 1 : 0,
          d.totals.goodsItemCount,
          d.totals.grossMassKg,
          JSON.stringify(d.totals.customsValue),
          source.file,
          source.format,
          at,
          JSON.stringify(d),
          plateKeyOf(d.transport.vehiclePlate),
        ],
      },
    ];
    // One multi-row INSERT per table: the store prepares each statement, so fewer statements import faster.
    statements.push({
      sql: `INSERT INTO declaration_items (declaration_number, sequence, hs_code, description, origin_country, gross_mass_kg,
        net_mass_kg, customs_value, currency, packages) VALUES ${d.goodsItems.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params: d.goodsItems.flatMap((g) => [
        n,
        g.sequence,
        g.hsCode,
        g.description,
        g.originCountry,
        g.grossMassKg,
        g.netMassKg ?? null,
        g.customsValue.amount,
        g.customsValue.currency,
        g.packages ?? null,
      ]),
    });
    if (d.containers.length > 0) {
      statements.push({
        sql: `INSERT INTO declaration_containers (declaration_number, container_id, seal) VALUES ${d.containers.map(() => '(?, ?, ?)').join(', ')}`,
        params: d.containers.flatMap((c) => [n, c.id, c.seal ?? null]),
      });
    }
    return statements;
  }

  async save(d: Declaration, source: DeclarationSource): Promise<void> {
    await this.store.transaction(this.saveStatements(d, source));
  }

  async saveReject(r: Reject): Promise<void> {
    await this.store.transaction([this.rejectStatement(r)]);
  }

  /** The INSERT for one reject; exposed so an importer can batch it with other messages. */
  rejectStatement(r: Reject): Statement {
    return {
      sql: `INSERT INTO declaration_rejects (file, format, message_ref, message_index, segment_number, segment_tag, path, reason, rejected_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        r.file,
        r.format,
        r.messageRef,
        r.messageIndex,
        r.segmentNumber,
        r.segmentTag,
        r.path,
        r.reason,
        this.clock.now().toISOString(),
      ],
    };
  }

  /** Newest first, with the row id (the queue's rejects list pages by offset). */
  async listRejectsPage(limit: number, offset: number): Promise<(Reject & { id: number; rejectedAt: string })[]> {
    const rows = await this.store.query('SELECT * FROM declaration_rejects ORDER BY id DESC LIMIT ? OFFSET ?', [limit, offset]);
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const i = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      id: Number(r.id),
      file: String(r.file),
      format: s(r.format) as Reject['format'],
      messageRef: s(r.message_ref),
      messageIndex: i(r.message_index),
      segmentNumber: i(r.segment_number),
      segmentTag: s(r.segment_tag),
      path: s(r.path),
      reason: String(r.reason),
      rejectedAt: String(r.rejected_at),
    }));
  }

  async get(number: string): Promise<Declaration | null> {
    const rows = await this.store.query<{ body: string }>('SELECT body FROM declarations WHERE number = ?', [number]);
    const body = rows[0]?.body;
    return body === undefined ? null : Declaration.parse(JSON.parse(body));
  }

  async list(limit = 100, offset = 0): Promise<DeclarationSummary[]> {
    const rows = await this.store.query(
      `SELECT number, lodgement_time, declarant_id, item_count, gross_mass_kg, vehicle_plate, perishable, expedited, aeo
       FROM declarations ORDER BY lodgement_time DESC, number LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return rows.map((r) => ({
      number: String(r.number),
      lodgementTime: String(r.lodgement_time),
      declarantId: String(r.declarant_id),
      itemCount: Number(r.item_count),
      grossMassKg: Number(r.gross_mass_kg),
      vehiclePlate: r.vehicle_plate === null ? null : String(r.vehicle_plate),
      perishable: r.perishable === 1,
      expedited: r.expedited === 1,
      aeo: r.aeo === 1,
    }));
  }

  async listRejects(limit = 100): Promise<(Reject & { rejectedAt: string })[]> {
    const rows = await this.store.query('SELECT * FROM declaration_rejects ORDER BY id DESC LIMIT ?', [limit]);
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const i = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      file: String(r.file),
      format: s(r.format) as Reject['format'],
      messageRef: s(r.message_ref),
      messageIndex: i(r.message_index),
      segmentNumber: i(r.segment_number),
      segmentTag: s(r.segment_tag),
      path: s(r.path),
      reason: String(r.reason),
      rejectedAt: String(r.rejected_at),
    }));
  }
}
