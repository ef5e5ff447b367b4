import { z } from 'zod';
import { Id, IsoTime, Mode } from './common';

/** A seeded demo account, listed on the login screen while demo data is present. */
export const DemoAccount = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['officer', 'inspector', 'supervisor', 'trainer', 'trainee']),
  password: z.string(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;

export const AppInfo = z.object({
  name: z.literal('Clearway'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  mode: Mode,
  /** Demo data is seeded in this profile: the login screen shows the demo password. */
  demo: z.boolean(),
  /** Only while `demo`: the demo accounts and their one documented password. */
  demoAccounts: z.array(DemoAccount).optional(),
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
  /** Who sees it: everyone at the workstation (the default), or signed-in supervisors only (a throttled sign-in). */
  audience: z.enum(['everyone', 'supervisors']).optional(),
  /** Values for the notice's translated text (notices.codes and notices.details in the renderer). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Notice = z.infer<typeof Notice>;

export const DiagnosticsResult = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number().int().min(0),
});

export const ExternalUrlInput = z.object({ url: z.string().max(2048) });
