/**
 * Where the main window was and whether it was maximized, kept in a small JSON file
 * in the user-data folder. Reading never fails (a missing or damaged file means
 * "first launch"), and a saved position is only reused while it is still on a
 * connected display, so a window never opens off-screen after a monitor is unplugged.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});
export type Bounds = z.infer<typeof Bounds>;

export const WindowState = z.object({ bounds: Bounds, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowState>;

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  // Write-then-rename, so a crash mid-write leaves the previous state intact.
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

/** Enough of the window must stay visible on one display to grab its title bar. */
const MIN_VISIBLE = 64;

/** The saved bounds if they still overlap a display's work area well enough, else null. */
export function visibleBounds(bounds: Bounds, workAreas: readonly Bounds[]): Bounds | null {
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
  });
  return visible ? bounds : null;
}
