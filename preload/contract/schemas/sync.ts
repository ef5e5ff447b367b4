import { z } from 'zod';

/** Sync with the central hub, as the workstation shows it (see main/services/sync). */
export const SyncStatusView = z.object({
  state: z.enum(['standalone', 'idle', 'syncing', 'offline', 'error']),
  /** Local changes the hub has not acknowledged yet. */
  pending: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  /** This workstation's id at the hub. */
  clientId: z.string().nullable(),
  /** Why the last round failed (offline, refused token…), in words. */
  lastError: z.string().nullable(),
  openConflicts: z.number().int().min(0),
  /** Pulled changes set aside because they failed their schema or the database's rules. */
  quarantined: z.number().int().min(0),
  hubUrl: z.string(),
  /** Whether a device token is stored (the token itself never leaves the main process). */
  tokenSet: z.boolean(),
  /** Set when this profile never syncs, and why: a demo profile (its accounts' password is published). */
  neverSyncs: z.enum(['demo-profile']).optional(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const SyncConflict = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  field: z.string(),
  /** The value the hub's order kept. */
  winnerValue: z.json(),
  winnerClient: z.string(),
  winnerActor: z.string().nullable(),
  winnerAt: z.string(),
  /** The value it replaced without having seen it: kept until someone decides. */
  loserValue: z.json(),
  loserClient: z.string(),
  loserActor: z.string().nullable(),
  loserAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.enum(['kept-winner', 'took-loser']).nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** A pulled change the workstation did not land: the hub's log holds it, this workstation kept it aside with the reason. */
export const QuarantinedChange = z.object({
  seq: z.number().int(),
  clientId: z.string(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  actorId: z.string().nullable(),
  at: z.string(),
  reason: z.string(),
  quarantinedAt: z.string(),
});
export type QuarantinedChange = z.infer<typeof QuarantinedChange>;

export const ConflictsQuery = z.object({ includeResolved: z.boolean() });

export const ResolveConflictInput = z.object({
  id: z.string().min(1).max(300),
  choice: z.enum(['keep-winner', 'take-loser']),
});

/** A device token as `npm run hub -- add-device` prints it; '' removes the stored one. */
export const DeviceTokenInput = z.object({
  token: z.union([
    z.literal(''),
    z.string().regex(/^cwd_[A-Za-z0-9_-]{20,200}$/, 'a device token starts with cwd_ (npm run hub -- add-device prints one)'),
  ]),
});
