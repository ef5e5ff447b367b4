/** The shifts area: clearance shifts, their start and end, and the handover notes between them. */
import type { shiftsChannels } from '../../../preload/contract/channels/shifts';
import type { Area } from '../area';
import type { Core } from '../core';
import { Shifts } from './shifts';

export function createShiftsArea(
  core: Pick<Core, 'store' | 'clock' | 'settings' | 'me' | 'sessionChanged'>,
): Area<typeof shiftsChannels> & { shifts: Shifts } {
  const { me } = core;
  const shifts = new Shifts({ store: core.store, clock: core.clock });
  const workstationOffice = async (): Promise<string> => (await shifts.current(me().id))?.office ?? core.settings.get().office;
  return {
    shifts,
    handlers: {
      'cw:shifts.current': () => shifts.current(me().id),
      'cw:shifts.lastHandover': async () => shifts.lastHandover(await workstationOffice()),
      'cw:shifts.start': async ({ office, notes }) => {
        const shift = await shifts.start(me(), office, notes);
        await core.sessionChanged();
        return shift;
      },
      'cw:shifts.end': async ({ handoverNotes }) => {
        const shift = await shifts.end(me(), handoverNotes);
        await core.sessionChanged();
        return shift;
      },
      'cw:shifts.list': ({ limit }) => shifts.list(limit),
    },
  };
}
