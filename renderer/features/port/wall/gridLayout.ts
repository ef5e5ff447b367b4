/** The camera wall's grid sizes: 1×1, 2×2, 3×3. */
export type GridSize = 1 | 2 | 3;
export const gridSizes: readonly GridSize[] = [1, 2, 3];

export interface WallPage<T> {
  size: GridSize;
  /** Zero-based page shown. */
  page: number;
  pages: number;
  /** The tiles on this page, row by row; empty slots are null so the grid keeps its shape. */
  tiles: (T | null)[];
}

/** Lays `items` out on a size×size grid and returns the requested page (clamped). */
export function layoutWall<T>(items: readonly T[], size: GridSize, page: number): WallPage<T> {
  if (!gridSizes.includes(size)) throw new Error(`layoutWall: grid size must be 1, 2 or 3, got ${String(size)}`);
  const perPage = size * size;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.max(0, Math.min(pages - 1, Math.floor(page)));
  const slice = items.slice(current * perPage, current * perPage + perPage);
  const tiles: (T | null)[] = [...slice, ...Array.from({ length: perPage - slice.length }, () => null)];
  return { size, page: current, pages, tiles };
}

/** The smallest grid that shows `count` streams at once. */
export function gridFor(count: number): GridSize {
  if (count <= 1) return 1;
  if (count <= 4) return 2;
  return 3;
}
