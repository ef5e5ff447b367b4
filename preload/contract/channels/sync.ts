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
  'cw:sync.status': channel({ input: none, output: SyncStatusView, access: 'session' }),
  'cw:sync.now': channel({ input: none, output: SyncStatusView, access: 'session' }),
  'cw:sync.conflicts': channel({ input: ConflictsQuery, output: z.array(SyncConflict), access: 'session' }),
  'cw:sync.quarantine': channel({ input: none, output: z.array(QuarantinedChange), access: 'session' }),
  'cw:sync.resolveConflict': channel({ input: ResolveConflictInput, output: SyncConflict, access: 'session' }),
  'cw:sync.setDeviceToken': channel({ input: DeviceTokenInput, output: SyncStatusView, access: ['supervisor'] }),
} as const;
