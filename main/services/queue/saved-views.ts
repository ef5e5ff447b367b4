/** Per-user saved queue views (filter + sort), stored in the database. */
import { randomUUID } from 'node:crypto';
import { QueueFilter, QueueSort, type SavedView } from '../../../preload/contract/schemas/queue';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Row, Store } from '../store/types';

function toView(r: Row): SavedView {
  return {
    id: String(r.id),
    name: String(r.name),
    filter: QueueFilter.parse(JSON.parse(String(r.filter_json))),
    sort: QueueSort.parse(JSON.parse(String(r.sort_json))),
    updatedAt: String(r.updated_at),
  };
}

export interface SavedViewsOptions {
  store: Store;
  clock: Clock;
}

export class SavedViews {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(options: SavedViewsOptions) {
    this.store = options.store;
    this.clock = options.clock;
  }

  async list(userId: string): Promise<SavedView[]> {
    return (await this.store.query('SELECT * FROM queue_saved_views WHERE user_id = ? ORDER BY name', [userId])).map(toView);
  }

  async save(userId: string, input: { id?: string; name: string; filter: QueueFilter; sort: QueueSort }): Promise<SavedView> {
    const at = this.clock.now().toISOString();
    const [clash] = await this.store.query<{ id: string }>('SELECT id FROM queue_saved_views WHERE user_id = ? AND name = ?', [
      userId,
      input.name,
    ]);
    if (clash && clash.id !== input.id)
      throw new ServiceError('CONFLICT', `you already have a view named "${input.name}": pick another name or update that view`);
    if (input.id) {
      const [existing] = await this.store.query('SELECT id FROM queue_saved_views WHERE id = ? AND user_id = ?', [
        input.id,
        userId,
      ]);
      if (!existing) throw new ServiceError('NOT_FOUND', `saved view ${input.id} is not one of yours`);
    }
    const id = input.id ?? randomUUID();
    await this.store.transaction([
      {
        sql: `INSERT INTO queue_saved_views (id, user_id, name, filter_json, sort_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter_json = excluded.filter_json, sort_json = excluded.sort_json, updated_at = excluded.updated_at`,
        params: [id, userId, input.name, JSON.stringify(input.filter), JSON.stringify(input.sort), at],
      },
    ]);
    return { id, name: input.name, filter: input.filter, sort: input.sort, updatedAt: at };
  }

  async remove(userId: string, id: string): Promise<void> {
    const [result] = await this.store.transaction([
      { sql: 'DELETE FROM queue_saved_views WHERE id = ? AND user_id = ?', params: [id, userId] },
    ]);
    if (!result || result.changes === 0) throw new ServiceError('NOT_FOUND', `saved view ${id} is not one of yours`);
  }
}
