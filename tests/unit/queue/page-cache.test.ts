import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../renderer/features/queue/logic/pageCache';

const page = (p: number, size: number) => Array.from({ length: size }, (_, i) => p * size + i);

describe('PageCache', () => {
  it('claims only the pages a window needs, once', () => {
    const cache = new PageCache<number>({ pageSize: 100, maxPages: 10 });
    expect(cache.claimMissing(150, 320, 1000)).toEqual([1, 2, 3]);
    expect(cache.claimMissing(150, 320, 1000)).toEqual([]);
    expect(cache.claimMissing(0, 50, 1000)).toEqual([0]);
  });
  it('does not ask past the end of the list', () => {
    const cache = new PageCache<number>({ pageSize: 100, maxPages: 10 });
    expect(cache.claimMissing(950, 1200, 1000)).toEqual([9]);
    expect(cache.claimMissing(0, 10, 0)).toEqual([]);
  });
  it('serves rows from stored pages', () => {
    const cache = new PageCache<number>({ pageSize: 100, maxPages: 10 });
    const gen = cache.generation;
    cache.claimMissing(0, 250, 1000);
    expect(cache.row(120)).toBeUndefined();
    cache.put(1, page(1, 100), gen);
    expect(cache.row(120)).toBe(120);
  });
  it('drops answers from an older generation and re-asks after invalidation', () => {
    const cache = new PageCache<number>({ pageSize: 100, maxPages: 10 });
    const old = cache.generation;
    cache.claimMissing(0, 99, 1000);
    const next = cache.invalidate();
    expect(cache.put(0, page(0, 100), old)).toBe(false);
    expect(cache.row(5)).toBeUndefined();
    expect(cache.claimMissing(0, 99, 1000)).toEqual([0]);
    expect(cache.put(0, page(0, 100), next)).toBe(true);
  });
  it('evicts the least recently used page beyond its limit', () => {
    const cache = new PageCache<number>({ pageSize: 10, maxPages: 2 });
    const gen = cache.generation;
    cache.put(0, page(0, 10), gen);
    cache.put(1, page(1, 10), gen);
    cache.row(3); // page 0 is now the most recent
    cache.put(2, page(2, 10), gen);
    expect(cache.size).toBe(2);
    expect(cache.row(3)).toBe(3);
    expect(cache.row(13)).toBeUndefined();
  });
  it('lets a failed page be fetched again', () => {
    const cache = new PageCache<number>({ pageSize: 10, maxPages: 2 });
    expect(cache.claimMissing(0, 5, 100)).toEqual([0]);
    cache.release(0, cache.generation);
    expect(cache.claimMissing(0, 5, 100)).toEqual([0]);
  });
  it('refuses a nonsensical configuration', () => {
    expect(() => new PageCache({ pageSize: 0, maxPages: 1 })).toThrow(/pageSize/);
  });
});

describe('PageCache soft refresh', () => {
  it('keeps showing stale rows until the fresh page arrives', () => {
    const cache = new PageCache<string>({ pageSize: 2, maxPages: 4 });
    cache.put(0, ['a', 'b'], cache.generation);
    const next = cache.invalidate(true);
    expect(cache.row(1)).toBe('b');
    expect(cache.claimMissing(0, 1, 10)).toEqual([0]);
    cache.put(0, ['a', 'B'], next);
    expect(cache.row(1)).toBe('B');
  });
  it('forgets stale rows on a hard invalidation', () => {
    const cache = new PageCache<string>({ pageSize: 2, maxPages: 4 });
    cache.put(0, ['a', 'b'], cache.generation);
    cache.invalidate(true);
    cache.invalidate();
    expect(cache.row(0)).toBeUndefined();
  });
});
