import type { Selection, WindowView } from '../../../preload/schemas/windows';
import type { windowsChannels } from '../../../preload/channels/windows';
import { ServiceError } from '../errors';
import type { HandlersFor } from '../handlers';

/** Host-provided: opens a second BrowserWindow on a view (Electron only). */
export type OpenWindow = (view: WindowView) => Promise<void>;

export function windowsHandlers(deps: { openWindow?: OpenWindow; emitSelection: (selection: Selection) => void }): HandlersFor<typeof windowsChannels> {
  return {
    'cw:windows.open': async ({ view }) => {
      if (!deps.openWindow)
        throw new ServiceError('FAILED_PRECONDITION', `This host cannot open the ${view} view in a new window itself; open it from the browser (window.open) instead.`);
      await deps.openWindow(view);
      return undefined;
    },
    'cw:selection.set': async (selection) => {
      deps.emitSelection(selection);
      return undefined;
    },
  };
}
