import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWindowState, visibleBounds, writeWindowState } from '../../../main/host/electron-window-state';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearway-window-'));
  file = join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state file', () => {
  it('round-trips bounds and maximized', () => {
    const state = { bounds: { x: 10, y: 20, width: 1280, height: 800 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it('reads a missing, damaged or implausible file as "no saved state"', () => {
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{"bounds":');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 }, maximized: false }));
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 800, height: 600 } }));
    expect(readWindowState(file)).toBeNull();
  });

  it('leaves no temporary file behind', () => {
    writeWindowState(file, { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false });
    expect(() => readFileSync(`${file}.tmp`)).toThrow();
  });
});

describe('visibleBounds', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1080 };
  const right = { x: 1920, y: 0, width: 1920, height: 1080 };

  it('keeps bounds on a connected display', () => {
    const bounds = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(visibleBounds(bounds, [primary, right])).toEqual(bounds);
  });

  it('drops bounds left on a display that is gone', () => {
    expect(visibleBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [primary])).toBeNull();
  });

  it('drops bounds with only a sliver on screen', () => {
    expect(visibleBounds({ x: 1900, y: 100, width: 1200, height: 800 }, [primary])).toBeNull();
    expect(visibleBounds({ x: 100, y: -790, width: 1200, height: 800 }, [primary])).toBeNull();
  });
});
