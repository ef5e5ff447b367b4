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
  RerouteInput,
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
  'cw:queue.list': channel({ input: QueueListInput, output: QueueListOutput, access: 'session' }),
  'cw:queue.get': channel({ input: z.object({ id: DeclarationNumber }), output: DeclarationDetail, access: 'session' }),
  /** Bulk-capable; each declaration is validated, decided and audited on its own; failures are listed. */
  'cw:queue.decide': channel({ input: DecideInput, output: DecideOutput, access: 'session' }),
  'cw:queue.assign': channel({ input: AssignInput, output: AssignOutput, access: 'session' }),
  'cw:queue.reroute': channel({ input: RerouteInput, output: QueueRow, access: ['supervisor'] }),
  /**
   * Electron: the main process shows its own file dialog and imports what the officer picks.
   * The renderer never names a path, so a compromised page cannot make Clearway read a file
   * the officer did not choose. The web host has no dialog: it takes uploads (below).
   */
  'cw:queue.importFromDialog': channel({ input: none, output: ImportFromDialogOutput, access: 'session' }),
  /** Drag-and-drop in the web host: send a file in ordered chunks; the last chunk imports it. */
  'cw:queue.uploadChunk': channel({ input: UploadChunkInput, output: UploadChunkOutput, access: 'session' }),
  'cw:queue.rejects': channel({ input: RejectsInput, output: z.array(StoredReject), access: 'session' }),
  // Invented declarations in a live queue are a supervisor's deliberate (audited) act.
  'cw:queue.demo': channel({ input: DemoInput, output: DemoOutput, access: ['supervisor'] }),
  'cw:queue.dashboard': channel({ input: DashboardInput, output: Dashboard, access: 'session' }),
  /** The signed-in user's saved views. */
  'cw:queue.savedViews': channel({ input: none, output: z.array(SavedView), access: 'session' }),
  'cw:queue.saveView': channel({ input: SaveViewInput, output: SavedView, access: 'session' }),
  'cw:queue.deleteView': channel({ input: z.object({ id: Id }), output: none, access: 'session' }),
} as const;

export const queueEvents = {
  /** While a file imports. */
  'cw:queue.importProgress': ImportProgress,
  /** After anything changes declarations (import, decision, assignment, reroute, demo). */
  'cw:queue.changed': DeclarationsChanged,
} as const;
