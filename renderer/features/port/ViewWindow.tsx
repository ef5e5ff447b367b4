import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../../../preload/contract/schemas/windows';
import { PortScreen } from './PortScreen';

/** A second window (another monitor in the control room) showing only the port view or the camera wall. */
export function ViewWindow({ view }: { view: WindowView }) {
  const { t } = useTranslation('port');
  const title = view === 'port' ? t('window.portTitle') : t('window.wallTitle');
  useEffect(() => {
    document.title = `${title} · Clearway`;
  }, [title]);
  return (
    <main className="cw-view-window" aria-label={title}>
      <PortScreen windowed={view} />
    </main>
  );
}
