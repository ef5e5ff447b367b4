/**
 * The declaration queue: list, detail, decisions, assignment, reroute, imports
 * (paths and chunked uploads), rejects, demo data, saved views and the Time
 * Release Study dashboard. Schemas live in preload/schemas/queue.ts.
 *
 * Events (in contract.ts `events`): `cw:declarations.importProgress`
 * (ImportProgress) while a file imports, `cw:declarations.changed`
 * (DeclarationsChanged) after anything changes declarations.
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
  DemoInput,
  DemoOutput,
  ImportInput,
  ImportOutput,
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

export const declarationsChannels = {
  /** Filtered, sorted page of lean rows plus the total (server-side, fast at 100k). */
  'cw:declarations.list': channel({ input: QueueListInput, output: QueueListOutput, access: 'session' }),
  'cw:declarations.get': channel({ input: z.object({ id: DeclarationNumber }), output: DeclarationDetail, access: 'session' }),
  /** Bulk-capable; each declaration is validated, decided and audited on its own; failures are listed. */
  'cw:declarations.decide': channel({ input: DecideInput, output: DecideOutput, access: 'session' }),
  'cw:declarations.assign': channel({ input: AssignInput, output: AssignOutput, access: 'session' }),
  'cw:declarations.reroute': channel({ input: RerouteInput, output: QueueRow, access: ['supervisor'] }),
  /** Import files the host can read (Electron file dialog, inbox). */
  'cw:declarations.import': channel({ input: ImportInput, output: ImportOutput, access: 'session' }),
  /** Drag-and-drop in the web host: send a file in ordered chunks; the last chunk imports it. */
  'cw:declarations.uploadChunk': channel({ input: UploadChunkInput, output: UploadChunkOutput, access: 'session' }),
  'cw:declarations.rejects': channel({ input: RejectsInput, output: z.array(StoredReject), access: 'session' }),
  // Invented declarations in a live queue are a supervisor's deliberate (audited) act.
  'cw:declarations.demo': channel({ input: DemoInput, output: DemoOutput, access: ['supervisor'] }),
  'cw:queue.dashboard': channel({ input: DashboardInput, output: Dashboard, access: 'session' }),
  /** The signed-in user's saved views. */
  'cw:queue.savedViews': channel({ input: none, output: z.array(SavedView), access: 'session' }),
  'cw:queue.saveView': channel({ input: SaveViewInput, output: SavedView, access: 'session' }),
  'cw:queue.deleteView': channel({ input: z.object({ id: Id }), output: none, access: 'session' }),
} as const;
