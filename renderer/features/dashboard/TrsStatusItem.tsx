import { DashboardOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { formatMinutes } from './releaseFormat';

const REFRESH_MS = 60_000;

/** Status bar: the current shift's Time Release Study figures (released, average release time, open, overdue). */
export function TrsStatusItem() {
  const { t } = useTranslation('dashboard');
  const [figures, setFigures] = useState<Dashboard['currentShift'] | null>(null);
  const ready = useSession((s) => s.session.user !== null && !s.session.locked);

  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      clearway()
        .invoke('cw:queue.dashboard', { days: 1 })
        .then(
          (d) => !stopped && setFigures(d.currentShift),
          () => undefined,
        );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    const off = clearway().on('cw:queue.changed', () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        load();
      }, 2000);
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      off();
    };
  }, [ready]);

  if (!figures) return null;
  const avg = formatMinutes(figures.avgReleaseMinutes, { min: t('unit.min'), h: t('unit.h'), d: t('unit.d') });
  return (
    <span className="cw-status-item" data-testid="status-trs" title={t('status.label')}>
      <DashboardOutlined aria-hidden />
      <span>{t('status.figures', { released: figures.released, avg, open: figures.open })}</span>
      {figures.overdue > 0 ? (
        <>
          <ExclamationCircleOutlined aria-hidden />
          <span>{t('status.overdue', { count: figures.overdue })}</span>
        </>
      ) : null}
    </span>
  );
}
