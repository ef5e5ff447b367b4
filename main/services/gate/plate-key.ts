/**
 * A declaration's plate key: its vehicle plate in the gate's comparable form
 * (normalisePlate), stored in `declarations.plate_key` so a gate sighting finds
 * the declaration through an index, whatever separators the declarant wrote.
 */
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import type { Store } from '../store/types';

/** The key for a plate as declared, or null when the declaration has no plate. */
export function plateKeyOf(plate: string | null | undefined): string | null {
  return plate === null || plate === undefined ? null : normalisePlate(plate);
}

const FILL_BATCH = 2_000;

/**
 * Keys declarations stored before the key column existed, a batch per transaction.
 * Runs at every start; after the first it finds nothing at once, through the partial
 * index of rows still missing a key. Returns how many rows it keyed.
 */
export async function fillPlateKeys(store: Store): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await store.query(
      `SELECT number, vehicle_plate FROM declarations INDEXED BY declarations_plate_key_missing
       WHERE plate_key IS NULL AND vehicle_plate IS NOT NULL LIMIT ${FILL_BATCH}`,
      [],
    );
    if (rows.length === 0) return filled;
    await store.transaction(
      rows.map((row) => ({
        sql: 'UPDATE declarations SET plate_key = ? WHERE number = ?',
        params: [plateKeyOf(String(row.vehicle_plate)), String(row.number)],
      })),
    );
    filled += rows.length;
  }
}
