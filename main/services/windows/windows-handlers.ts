/** The windows area: the port view and camera wall in second windows, and the selection every window shares. */
import type { windowsChannels } from '../../../preload/contract/channels/windows';
import type { WindowView } from '../../../preload/contract/schemas/windows';
import type { Area } from '../area';
import type { Core } from '../core';
import { ServiceError } from '../errors';

/** Host-provided: opens a second BrowserWindow on a view (Electron only). */
export type OpenWindow = (view: WindowView) => Promise<void>;

export function createWindowsArea(core: Pick<Core, 'emit'>, deps: { openWindow?: OpenWindow }): Area<typeof windowsChannels> {
  return {
    handlers: {
      'cw:windows.open': async ({ view }) => {
        if (!deps.openWindow)
          throw new ServiceError(
            'FAILED_PRECONDITION',
            `This host cannot open the ${view} view in a new window itself; open it from the browser (window.open) instead.`,
          );
        await deps.openWindow(view);
        return undefined;
      },
      'cw:windows.select': async (selection) => {
        core.emit('cw:windows.selectionChanged', selection);
        return undefined;
      },
    },
  };
}
