import type { Store } from '../store/types';

/**
 * Whether this profile holds demo data: demo accounts whose one password is
 * published on the login screen. Such a profile is for evaluation and instruction
 * only and never syncs with a hub (see SyncService). Read once at start from the
 * profile table and set when setup seeds the data; nothing ever clears it.
 */
export class DemoProfileFlag {
  #demo: boolean;

  private constructor(demo: boolean) {
    this.#demo = demo;
  }

  static async read(store: Pick<Store, 'query'>): Promise<DemoProfileFlag> {
    // seedDemo writes this row in the same transaction as the demo accounts.
    const rows = await store.query("SELECT 1 AS present FROM profile WHERE key = 'demo_seeded_at'");
    return new DemoProfileFlag(rows.length > 0);
  }

  get isDemo(): boolean {
    return this.#demo;
  }

  /** After seedDemo committed: from now on this profile is a demo profile. */
  markSeeded(): void {
    this.#demo = true;
  }
}
