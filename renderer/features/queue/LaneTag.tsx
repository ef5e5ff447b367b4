import { AuditOutlined, CheckCircleOutlined, FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lane } from '../../../preload/contract/schemas/risk';

const icons: Record<Lane, React.ReactNode> = {
  green: <CheckCircleOutlined aria-hidden />,
  yellow: <FileSearchOutlined aria-hidden />,
  blue: <AuditOutlined aria-hidden />,
  red: <SearchOutlined aria-hidden />,
};

/** A lane as colour + icon + word; the word alone carries the meaning. */
export function LaneTag({ lane, long = false }: { lane: Lane; long?: boolean }) {
  const { t } = useTranslation('queue');
  return (
    <span className={`cw-lane cw-lane-${lane}`} data-lane={lane} title={t(`lane.${lane}.meaning`)}>
      {icons[lane]}
      <span>{long ? `${t(`lane.${lane}.name`)} · ${t(`lane.${lane}.meaning`)}` : t(`lane.${lane}.name`)}</span>
    </span>
  );
}
