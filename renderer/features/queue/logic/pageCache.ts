/**
 * Rows of the queue arrive in pages by offset (server-side paging): the table
 * asks for the rows it is about to show, the cache says which pages are
 * missing, and keeps at most `maxPages` pages, dropping the least recently used
 * so 100k rows never sit in memory at once. A new query (filter, sort) or a
 * change event starts a new generation: answers for an older one are ignored.
 */
export interface PageCacheOptions {
  pageSize: number;
  maxPages: number;
}

export class PageCache<Row> {
  readonly pageSize: number;
  private readonly maxPages: number;
  private pages = new Map<number, readonly Row[]>();
  /** Pages of the previous generation, still shown until their fresh copy arrives (no flicker on refresh). */
  private stale = new Map<number, readonly Row[]>();
  private pending = new Set<number>();
  private generationNo = 0;

  constructor(options: PageCacheOptions) {
    if (options.pageSize < 1 || options.maxPages < 1) throw new Error('PageCache needs pageSize and maxPages of at least 1');
    this.pageSize = options.pageSize;
    this.maxPages = options.maxPages;
  }

  get generation(): number {
    return this.generationNo;
  }

  /**
   * Start a new generation; returns it. `keepStale` (same query, changed data)
   * keeps serving the old rows until each page is fetched again; without it
   * (new filter or sort) everything is forgotten at once.
   */
  invalidate(keepStale = false): number {
    this.stale = keepStale ? new Map([...this.stale, ...this.pages]) : new Map();
    this.pages.clear();
    this.pending.clear();
    return ++this.generationNo;
  }

  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  row(index: number): Row | undefined {
    const page = this.pages.get(this.pageOf(index));
    if (!page) return this.stale.get(this.pageOf(index))?.[index % this.pageSize];
    // Touch: re-insert so Map order is least-recently-used first.
    this.pages.delete(this.pageOf(index));
    this.pages.set(this.pageOf(index), page);
    return page[index % this.pageSize];
  }

  /** Pages covering rows [first, last] that are neither cached nor being fetched; marks them pending. */
  claimMissing(first: number, last: number, total: number): number[] {
    if (total <= 0 || last < first) return [];
    const lo = this.pageOf(Math.max(0, first));
    const hi = this.pageOf(Math.min(total - 1, last));
    const missing: number[] = [];
    for (let p = lo; p <= hi; p++) {
      if (this.pages.has(p) || this.pending.has(p)) continue;
      this.pending.add(p);
      missing.push(p);
    }
    return missing;
  }

  /** Stores a fetched page if it belongs to the current generation; returns whether it was kept. */
  put(page: number, rows: readonly Row[], generation: number): boolean {
    if (generation !== this.generationNo) return false;
    this.pending.delete(page);
    this.stale.delete(page);
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
    return true;
  }

  /** A fetch failed: let the page be asked for again. */
  release(page: number, generation: number): void {
    if (generation === this.generationNo) this.pending.delete(page);
  }

  get size(): number {
    return this.pages.size;
  }
}
