import { describe, expect, it } from 'vitest';
import { gridFor, layoutWall } from '../../../renderer/features/port/wall/gridLayout';

describe('camera wall layout', () => {
  const cams = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('fills a 2×2 page and pads the last page with empty slots', () => {
    expect(layoutWall(cams, 2, 0)).toEqual({ size: 2, page: 0, pages: 2, tiles: ['a', 'b', 'c', 'd'] });
    expect(layoutWall(cams, 2, 1)).toEqual({ size: 2, page: 1, pages: 2, tiles: ['e', 'f', null, null] });
  });

  it('clamps the page', () => {
    expect(layoutWall(cams, 3, 7).page).toBe(0);
    expect(layoutWall(cams, 1, 99).page).toBe(5);
    expect(layoutWall(cams, 1, -3).tiles).toEqual(['a']);
  });

  it('shows one empty page when there are no cameras', () => {
    expect(layoutWall([], 3, 0)).toEqual({ size: 3, page: 0, pages: 1, tiles: Array(9).fill(null) });
  });

  it('refuses other grid sizes', () => {
    expect(() => layoutWall(cams, 4 as 3, 0)).toThrow(/1, 2 or 3/);
  });

  it('picks the smallest grid for a count', () => {
    expect([0, 1, 2, 4, 5, 9, 12].map(gridFor)).toEqual([1, 1, 2, 2, 3, 3, 3]);
  });
});
