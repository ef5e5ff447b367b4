import { ExclamationCircleOutlined, HourglassOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { slaView } from './logic/sla';
import { useNow } from './useNow';

/** Live countdown to the SLA; overdue gets an icon and the word, not just red. */
export function SlaCell({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation('queue');
  const now = useNow();
  const view = slaView(dueAt, now);
  if (view.state === 'none') return <span className="cw-muted">–</span>;
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
