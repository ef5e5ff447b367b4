import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatus } from '../../app/statusStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ConflictsCard } from './ConflictsCard';
import { HubConnectionCard } from './HubConnectionCard';
import { QuarantineCard } from './QuarantineCard';
import { SyncStatusCard } from './SyncStatusCard';
import { useSync } from './syncStore';

/** Settings › Sync: where sync stands, the hub connection, changes set aside and the conflicts to decide. */
export function SyncPanel() {
  const { t } = useTranslation('sync');
  const notify = useErrorNotifier();
  // The status bar's feed (cw:app.statusChanged) says when sync moved; reload the details then.
  const appSync = useStatus((s) => s.status?.sync);

  useEffect(() => {
    useSync
      .getState()
      .refresh()
      .catch((error: unknown) => notify(error, t('status.loadFailed')));
  }, [appSync?.state, appSync?.pending, appSync?.lastSyncAt, notify, t]);

  return (
    <div data-testid="sync-panel" style={{ display: 'grid', gap: 12 }}>
      <div className="cw-grid-2">
        <SyncStatusCard />
        <HubConnectionCard />
      </div>
      <QuarantineCard />
      <ConflictsCard />
    </div>
  );
}
