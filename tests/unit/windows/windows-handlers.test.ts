import { describe, expect, it } from 'vitest';
import type { Selection } from '../../../preload/contract/schemas/windows';
import { ServiceError } from '../../../main/services/errors';
import { createWindowsArea } from '../../../main/services/windows/windows-handlers';
import { viewWindowFromHash, viewWindowRoute } from '../../../renderer/features/port/openViewWindow';

describe('second windows and the shared selection', () => {
  it('opens a view through the host when it can', async () => {
    const opened: string[] = [];
    const handlers = createWindowsArea(
      { emit: () => undefined },
      { openWindow: async (view) => void opened.push(view) },
    ).handlers;
    await handlers['cw:windows.open']({ view: 'wall' });
    expect(opened).toEqual(['wall']);
  });

  it('answers FAILED_PRECONDITION in a host without windows, so the browser opens one', async () => {
    const handlers = createWindowsArea({ emit: () => undefined }, {}).handlers;
    await expect(handlers['cw:windows.open']({ view: 'port' })).rejects.toSatisfy(
      (e: unknown) => e instanceof ServiceError && e.code === 'FAILED_PRECONDITION',
    );
  });

  it('broadcasts a selection unchanged', async () => {
    const seen: Selection[] = [];
    const handlers = createWindowsArea({ emit: (_event, payload) => void seen.push(payload as Selection) }, {}).handlers;
    const selection: Selection = { declarationId: 'CN202600000002', caseId: null, cameraId: 'cam-lane-1', origin: 'window-a' };
    await handlers['cw:windows.select'](selection);
    expect(seen).toEqual([selection]);
  });

  it('routes second windows by hash', () => {
    expect(viewWindowRoute('port')).toBe('#/port-window');
    expect(viewWindowFromHash('#/wall-window')).toBe('wall');
    expect(viewWindowFromHash('#/port')).toBeNull();
    expect(viewWindowFromHash('#/port-window-x')).toBeNull();
  });
});
