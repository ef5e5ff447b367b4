import {
  CheckCircleOutlined,
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  MinusCircleOutlined,
  VideoCameraOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../preload/contract/schemas/app';
import { useSession } from '../../app/sessionStore';
import { useStatus } from '../../app/statusStore';
import { TrsStatusItem } from '../dashboard/TrsStatusItem';
import { Clock } from './Clock';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { UserMenu } from './UserMenu';
import { useNav } from './navStore';

function Item({ icon, children, testId, title }: { icon: ReactNode; children: ReactNode; testId: string; title?: string }) {
  return (
    <span className="cw-status-item" data-testid={testId} title={title}>
      {icon}
      <span>{children}</span>
    </span>
  );
}

function ShiftItem() {
  const { t, i18n } = useTranslation();
  const shift = useSession((s) => s.session.shift);
  const go = useNav((s) => s.go);
  const since = shift
    ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(shift.startedAt),
      )
    : '';
  return (
    <button type="button" className="cw-status-item" data-testid="status-shift" onClick={() => go('shift')}>
      {shift ? <FieldTimeOutlined aria-hidden /> : <MinusCircleOutlined aria-hidden />}
      <span>{shift ? t('status.shiftOn', { office: shift.office, since }) : t('status.shiftOff')}</span>
    </button>
  );
}

function SyncItem({ status }: { status: AppStatus | null }) {
  const { t, i18n } = useTranslation();
  if (!status)
    return (
      <Item icon={<CloudOutlined aria-hidden />} testId="status-sync">
        {t('status.unknown')}
      </Item>
    );
  const online = status.online ? (
    <>
      <CloudOutlined aria-hidden /> {t('status.online')}
    </>
  ) : (
    <>
      <DisconnectOutlined aria-hidden /> {t('status.offline')}
    </>
  );
  const { state, pending, lastSyncAt } = status.sync;
  const last = lastSyncAt ? new Date(lastSyncAt) : null;
  const lastShort = last
    ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(last)
    : '';
  const lastFull = last
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }).format(last)
    : '';
  // idle and standalone do not say the count themselves; local work waiting for the hub must still show.
  const extraPending = (state === 'idle' || state === 'standalone') && pending > 0;
  const icon =
    state === 'error' ? (
      <ExclamationCircleOutlined aria-hidden />
    ) : state === 'syncing' ? (
      <CloudSyncOutlined aria-hidden />
    ) : (
      <CheckCircleOutlined aria-hidden />
    );
  return (
    <span
      className="cw-status-item"
      data-testid="status-sync"
      title={last ? t('status.sync.lastTitle', { time: lastFull }) : undefined}
    >
      {online}
      <span aria-hidden>·</span>
      {state === 'standalone' ? null : icon}
      <span>{t(`status.sync.${state}`, { count: pending })}</span>
      {extraPending ? (
        <span data-testid="status-sync-pending">
          · {t(state === 'standalone' ? 'status.sync.pendingStandalone' : 'status.sync.pending', { count: pending })}
        </span>
      ) : null}
      {state === 'standalone' ? null : (
        <span className="cw-num" data-testid="status-sync-last">
          · {last ? t('status.sync.last', { time: lastShort }) : t('status.sync.never')}
        </span>
      )}
    </span>
  );
}

function CamerasItem({ status }: { status: AppStatus | null }) {
  const { t } = useTranslation();
  const cams = status?.cameras;
  if (!cams)
    return (
      <Item icon={<VideoCameraOutlined aria-hidden />} testId="status-cameras">
        {t('status.unknown')}
      </Item>
    );
  if (cams.total === 0)
    return (
      <Item icon={<VideoCameraOutlined aria-hidden />} testId="status-cameras">
        {t('status.camerasNone')}
      </Item>
    );
  const trouble = cams.failed > 0 || cams.stalled > 0;
  return (
    <Item icon={trouble ? <WarningOutlined aria-hidden /> : <VideoCameraOutlined aria-hidden />} testId="status-cameras">
      {t('status.cameras', { live: cams.live, total: cams.total })}
      {cams.stalled > 0 ? ` · ${t('status.camerasStalled', { count: cams.stalled })}` : ''}
      {cams.failed > 0 ? ` · ${t('status.camerasFailed', { count: cams.failed })}` : ''}
    </Item>
  );
}

/** Bottom bar: user · role · shift · online/sync · cameras · language · theme · clock. Every state has an icon and a word. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  return (
    <footer className="cw-status" aria-label={t('status.label')}>
      <UserMenu />
      <ShiftItem />
      <SyncItem status={status} />
      <CamerasItem status={status} />
      <TrsStatusItem />
      <span className="cw-status-grow" />
      <span className="cw-status-item">
        <LanguageSwitch compact />
      </span>
      <span className="cw-status-item">
        <ThemeSwitch />
      </span>
      <Clock />
    </footer>
  );
}
