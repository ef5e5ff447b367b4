import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../preload/contract/schemas/sync';

const icons: Record<SyncStatusView['state'], ReactNode> = {
  standalone: <MinusCircleOutlined aria-hidden />,
  idle: <CheckCircleOutlined aria-hidden />,
  syncing: <CloudSyncOutlined aria-hidden spin />,
  offline: <DisconnectOutlined aria-hidden />,
  error: <ExclamationCircleOutlined aria-hidden />,
};

/** The sync state as an icon and its words (never colour alone). */
export function SyncStateLabel({ state }: { state: SyncStatusView['state'] }) {
  const { t } = useTranslation('sync');
  return (
    <span data-testid="sync-state" data-state={state}>
      {icons[state]} {t(`status.states.${state}`)}
    </span>
  );
}
