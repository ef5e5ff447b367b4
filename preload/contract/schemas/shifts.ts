import { z } from 'zod';
import { Id, IsoTime } from './common';

export const Shift = z.object({
  id: Id,
  userId: Id,
  userDisplayName: z.string(),
  office: z.string(),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  /** Notes the officer read from the previous shift's handover when starting. */
  startNotes: z.string().max(4000).nullable(),
  /** Notes this officer leaves for the next shift. */
  handoverNotes: z.string().max(4000).nullable(),
});
export type Shift = z.infer<typeof Shift>;

export const StartShiftInput = z.object({
  office: z.string().min(1).max(64),
  /** Acknowledgement of the previous handover (optional remark). */
  notes: z.string().max(4000).optional(),
});

export const EndShiftInput = z.object({ handoverNotes: z.string().min(1).max(4000) });
