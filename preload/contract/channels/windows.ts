/** Second windows for the port view and the camera wall, and the selection they share. */
import { Selection, WindowView } from '../schemas/windows';
import { channel, none } from '../channel';
import { z } from 'zod';

export const windowsChannels = {
  /**
   * Opens a view in a second app window with the same security options (Electron).
   * The web host answers FAILED_PRECONDITION: there the browser opens the window itself.
   */
  'cw:windows.open': channel({ input: z.object({ view: WindowView }), output: none, access: 'workstation' }),
  /** Broadcasts the selection to every window as cw:windows.selectionChanged. */
  'cw:windows.select': channel({ input: Selection, output: none, access: 'workstation' }),
} as const;

export const windowsEvents = {
  'cw:windows.selectionChanged': Selection,
} as const;
