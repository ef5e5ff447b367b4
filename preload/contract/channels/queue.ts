/**
 * The declaration queue: list, detail, decisions, assignment, reroute, imports
 * (the Electron file dialog and chunked uploads), rejects, demo data, saved views and the Time
 * Release Study dashboard. Schemas live in preload/contract/schemas/queue.ts.
 */
import { z } from 'zod';
import {
  AssignInput,
  AssignOutput,
  Dashboard,
  DashboardInput,
  DecideInput,
  DecideOutput,
  DeclarationDetail,
  DeclarationNumber,
  DeclarationsChanged,
  DemoInput,
  DemoOutput,
  ImportFromDialogOutput,
  ImportProgress,
  QueueListInput,
  QueueListOutput,
  QueueRow,
  RejectsInput,
  PostReleaseAmendment,
  RerouteInput,
  ReviewInput,
  ReviewsInput,
  SavedView,
  SaveViewInput,
  StoredReject,
  UploadChunkInput,
  UploadChunkOutput,
} from '../schemas/queue';
import { Id } from '../schemas/common';
import { channel, none } from '../channel';

export const queueChannels = {
  /** Filtered, sorted page of lean rows plus the total (server-side, fast at 100k). */
  'cw:queue.list': channel({ input: QueueListInput, output: QueueListOutput, access: 'declarations.read' }),
  'cw:queue.get': channel({ input: z.object({ id: DeclarationNumber }), output: DeclarationDetail, access: 'declarations.read' }),
  /** Bulk-capable; each declaration is validated, decided and audited on its own; failures are listed. */
  'cw:queue.decide': channel({ input: DecideInput, output: DecideOutput, access: 'declarations.decide' }),
  'cw:queue.assign': channel({ input: AssignInput, output: AssignOutput, access: 'declarations.assign' }),
  'cw:queue.reroute': channel({ input: RerouteInput, output: QueueRow, access: 'declarations.reroute' }),
  /**
   * Electron: the main process shows its own file dialog and imports what the officer picks.
   * The renderer never names a path, so a compromised page cannot make Clearway read a file
   * the officer did not choose. The web host has no dialog: it takes uploads (below).
   */
  'cw:queue.importFromDialog': channel({ input: none, output: ImportFromDialogOutput, access: 'declarations.import' }),
  /** Drag-and-drop in the web host: send a file in ordered chunks; the last chunk imports it. */
  'cw:queue.uploadChunk': channel({ input: UploadChunkInput, output: UploadChunkOutput, access: 'declarations.import' }),
  'cw:queue.rejects': channel({ input: RejectsInput, output: z.array(StoredReject), access: 'declarations.read' }),
  // Invented declarations in a live queue are a supervisor's deliberate (audited) act.
  'cw:queue.demo': channel({ input: DemoInput, output: DemoOutput, access: 'declarations.demo' }),
  /** Amendments received after release, for post-clearance review (the release stands). */
  'cw:queue.reviews': channel({ input: ReviewsInput, output: z.array(PostReleaseAmendment), access: 'declarations.review' }),
  /** Marks a post-release amendment reviewed, with a note; audited. */
  'cw:queue.review': channel({ input: ReviewInput, output: PostReleaseAmendment, access: 'declarations.review' }),
  'cw:queue.dashboard': channel({ input: DashboardInput, output: Dashboard, access: 'declarations.read' }),
  /** The signed-in user's saved views. */
  'cw:queue.savedViews': channel({ input: none, output: z.array(SavedView), access: 'declarations.read' }),
  'cw:queue.saveView': channel({ input: SaveViewInput, output: SavedView, access: 'declarations.read' }),
  'cw:queue.deleteView': channel({ input: z.object({ id: Id }), output: none, access: 'declarations.read' }),
} as const;

export const queueEvents = {
  /** While a file imports. */
  'cw:queue.importProgress': ImportProgress,
  /** After anything changes declarations (import, decision, assignment, reroute, demo). */
  'cw:queue.changed': DeclarationsChanged,
} as const;
