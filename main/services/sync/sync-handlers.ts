import type { syncChannels } from '../../../preload/channels/sync';
import type { User } from '../../../preload/schemas/auth';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { HandlersFor } from '../handlers';
import type { Store } from '../store/types';
import type { SyncService } from './sync-service';

export interface SyncHandlerDeps {
  sync: SyncService;
  store: Store;
  clock: Clock;
  me: () => User;
}

export function syncHandlers({ sync, store, clock, me }: SyncHandlerDeps): HandlersFor<typeof syncChannels> {
  return {
    'cw:sync.status': () => sync.status(),
    'cw:sync.now': () => sync.syncNow(),
    'cw:sync.conflicts': async ({ includeResolved }) => sync.engine.conflicts(includeResolved),
    'cw:sync.resolveConflict': async ({ id, choice }) => {
      const user = me();
      try {
        const resolved = await sync.engine.resolveConflict(id, choice, user.id);
        await store.transaction([
          auditStatement({
            at: clock.now(),
            actor: actorOf(user),
            action: 'sync.conflict-resolved',
            subject: `${resolved.entity}:${resolved.entityId}`,
            detail: { conflict: id, field: resolved.field, choice, kept: choice === 'keep-winner' ? resolved.winnerValue : resolved.loserValue },
          }),
        ]);
        return resolved;
      } catch (error) {
        if (error instanceof Error && /not found|already resolved/.test(error.message)) throw new ServiceError('CONFLICT', error.message);
        throw error;
      }
    },
    'cw:sync.setDeviceToken': async ({ token }) => {
      const user = me();
      const status = await sync.setDeviceToken(token);
      // The token itself is never logged or audited: only that it changed.
      await store.transaction([
        auditStatement({ at: clock.now(), actor: actorOf(user), action: token ? 'sync.device-token-set' : 'sync.device-token-removed', subject: 'hub', detail: {} }),
      ]);
      return status;
    },
  };
}
