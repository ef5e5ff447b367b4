import type { syncChannels } from '../../../preload/contract/channels/sync';
import type { AppStatusMonitor } from '../app/app-status';
import type { Area } from '../area';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Core } from '../core';
import type { EvidenceStore } from '../evidence/evidence-store';
import { ServiceError } from '../errors';
import { evidenceBlobSource } from './evidence-blob-source';
import { SyncService } from './sync-service';

/** The sync area: the outbox of case mutations pushed to the hub and the changes pulled back, with conflicts kept. */
export function createSyncArea(
  core: Core,
  deps: { evidenceStore: EvidenceStore; status: () => Pick<AppStatusMonitor, 'get' | 'recordHubContact'> },
): Area<typeof syncChannels> & { sync: SyncService } {
  const { store, clock, me, logger } = core;
  // Sync runs for the live database of a profile without demo data only; with no hub URL it stays standalone (the outbox still fills).
  const sync = new SyncService({
    dataDir: core.dataDir,
    store,
    clock,
    hubUrl: () => core.settings.get().hubUrl,
    hubTrust: () => {
      const { hubCaCertificate, hubPin } = core.settings.get();
      return { caCertificate: hubCaCertificate, pin: hubPin };
    },
    onQuarantine: (changes) =>
      void core.notices.post(
        'warning',
        'sync.quarantined',
        `${changes.length} change(s) pulled from the hub were set aside and not applied (Settings › Sync lists them): ${changes
          .slice(0, 3)
          .map((c) => c.reason)
          .join('; ')}`,
      ),
    enabled: core.mode === 'live',
    refusal: () => (core.demoProfile.isDemo ? 'demo-profile' : null),
    blobs: evidenceBlobSource(deps.evidenceStore),
    auditHead: async () => {
      const head = core.auditChain.chainHead();
      return head ? { seq: head.seq, head: head.hash } : null;
    },
    onStatusChanged: () =>
      void deps
        .status()
        .get()
        .catch(() => undefined),
    onHubContact: (reachable) => deps.status().recordHubContact(reachable),
    onError: (error) => logger.warn({ err: error }, 'sync round failed; will retry'),
  });
  // Pointing the workstation at another hub drops the token issued by the old one.
  core.events.on((event, payload) => {
    if (event === 'cw:settings.changed') sync.hubUrlChanged((payload as { hubUrl: string }).hubUrl);
  });
  return {
    sync,
    start: () => sync.start(),
    stop: () => sync.stop(),
    handlers: {
      'cw:sync.status': () => sync.status(),
      'cw:sync.now': () => sync.syncNow(),
      'cw:sync.quarantine': () => sync.engine.quarantine(),
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
              detail: {
                conflict: id,
                field: resolved.field,
                choice,
                kept: choice === 'keep-winner' ? resolved.winnerValue : resolved.loserValue,
              },
            }),
          ]);
          return resolved;
        } catch (error) {
          if (error instanceof Error && /not found|already resolved/.test(error.message))
            throw new ServiceError('CONFLICT', error.message);
          throw error;
        }
      },
      'cw:sync.setDeviceToken': async ({ token }) => {
        const user = me();
        const status = await sync.setDeviceToken(token);
        // The token itself is never logged or audited: only that it changed.
        await store.transaction([
          auditStatement({
            at: clock.now(),
            actor: actorOf(user),
            action: token ? 'sync.device-token-set' : 'sync.device-token-removed',
            subject: 'hub',
            detail: {},
          }),
        ]);
        return status;
      },
    },
  };
}
