/** Clearance shifts and their handover notes. */
import { z } from 'zod';
import { EndShiftInput, Shift, StartShiftInput } from '../schemas/shifts';
import { channel, none } from '../channel';

export const shiftsChannels = {
  'cw:shifts.current': channel({ input: none, output: Shift.nullable(), access: 'shifts.work' }),
  'cw:shifts.lastHandover': channel({ input: none, output: Shift.nullable(), access: 'shifts.work' }),
  'cw:shifts.start': channel({ input: StartShiftInput, output: Shift, access: 'shifts.work' }),
  'cw:shifts.end': channel({ input: EndShiftInput, output: Shift, access: 'shifts.work' }),
  'cw:shifts.list': channel({
    input: z.object({ limit: z.number().int().min(1).max(500) }),
    output: z.array(Shift),
    access: 'shifts.work',
  }),
} as const;
