import { z } from 'zod';

/** The views that can move to a second window (a second monitor in a control room). */
export const WindowView = z.enum(['port', 'wall'], { error: 'must be port or wall' });
export type WindowView = z.infer<typeof WindowView>;

const Ref = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/**
 * What the officer has selected, shared by every window of the workstation: the
 * declaration or case open in the queue or cases, and the camera the port view shows.
 */
export const Selection = z.object({
  declarationId: Ref.nullable(),
  caseId: Ref.nullable(),
  cameraId: Ref.nullable(),
  /** The window that made the change, so it does not apply its own echo twice. */
  origin: z.string().min(1).max(64),
});
export type Selection = z.infer<typeof Selection>;
