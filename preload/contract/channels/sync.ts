/** Sync with the central hub: status, a round on demand, conflicts, quarantined changes and the device token. */
import { z } from 'zod';
import { channel, none } from '../channel';
import {
  ConflictsQuery,
  DeviceTokenInput,
  QuarantinedChange,
  ResolveConflictInput,
  SyncConflict,
  SyncStatusView,
} from '../schemas/sync';

export const syncChannels = {
  'cw:sync.status': channel({ input: none, output: SyncStatusView, access: 'sync.view' }),
  'cw:sync.now': channel({ input: none, output: SyncStatusView, access: 'sync.view' }),
  'cw:sync.conflicts': channel({ input: ConflictsQuery, output: z.array(SyncConflict), access: 'sync.view' }),
  'cw:sync.quarantine': channel({ input: none, output: z.array(QuarantinedChange), access: 'sync.view' }),
  'cw:sync.resolveConflict': channel({ input: ResolveConflictInput, output: SyncConflict, access: 'sync.resolve' }),
  'cw:sync.setDeviceToken': channel({ input: DeviceTokenInput, output: SyncStatusView, access: 'settings.security' }),
} as const;
