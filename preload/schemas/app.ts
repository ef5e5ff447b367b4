import { z } from 'zod';
import { Id, IsoTime, Mode } from './common';

export const AppInfo = z.object({
  name: z.literal('Clearway'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  mode: Mode,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SyncState = z.object({
  /** standalone: no hub configured; the workstation works the same without one. */
  state: z.enum(['standalone', 'idle', 'syncing', 'offline', 'error']),
  pending: z.number().int().min(0),
  lastSyncAt: IsoTime.nullable(),
});

export const CameraHealth = z.object({
  total: z.number().int().min(0),
  live: z.number().int().min(0),
  stalled: z.number().int().min(0),
  failed: z.number().int().min(0),
});

export const AppStatus = z.object({
  online: z.boolean(),
  sync: SyncState,
  cameras: CameraHealth,
});
export type AppStatus = z.infer<typeof AppStatus>;

/** Something the officer must be told about, e.g. a store recovered from a corrupt snapshot. */
export const Notice = z.object({
  id: Id,
  level: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  message: z.string(),
  at: IsoTime,
});
export type Notice = z.infer<typeof Notice>;

export const DiagnosticsResult = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number().int().min(0),
});

export const ExternalUrlInput = z.object({ url: z.string().max(2048) });
