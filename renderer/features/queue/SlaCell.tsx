import { CheckOutlined, ExclamationCircleOutlined, HourglassOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import { rowSlaView } from './logic/sla';
import { useNow } from './useNow';

/** Live countdown to the SLA; overdue gets an icon and the word, not just red. Decided work shows the time it took. */
export function SlaCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation('queue');
  const now = useNow();
  const view = rowSlaView(row, now);
  if (view.state === 'none') return <span className="cw-muted">–</span>;
  if (view.state === 'cancelled')
    return (
      <span className="cw-sla cw-sla-cancelled" data-sla="cancelled">
        <StopOutlined aria-hidden /> {t('sla.cancelled')}
      </span>
    );
  if (view.state === 'taken')
    return (
      <span className="cw-sla cw-sla-taken" data-sla="taken">
        <CheckOutlined aria-hidden /> {t(view.late ? 'sla.takenLate' : 'sla.taken', { time: view.text })}
      </span>
    );
  return (
    <span className={`cw-sla cw-sla-${view.state}`} data-sla={view.state}>
      {view.state === 'overdue' ? (
        <ExclamationCircleOutlined aria-label={t('sla.overdue')} />
      ) : view.state === 'soon' ? (
        <HourglassOutlined aria-label={t('sla.soon')} />
      ) : null}
      <span className="cw-num">{view.text}</span>
    </span>
  );
}
