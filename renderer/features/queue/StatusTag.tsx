import {
  CheckOutlined,
  ClockCircleOutlined,
  FileTextOutlined,
  PauseCircleOutlined,
  SearchOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DeclarationStatus } from '../../../preload/contract/schemas/queue';

const icons: Record<DeclarationStatus, React.ReactNode> = {
  pending: <ClockCircleOutlined aria-hidden />,
  documentsRequested: <FileTextOutlined aria-hidden />,
  inspection: <SearchOutlined aria-hidden />,
  held: <PauseCircleOutlined aria-hidden />,
  released: <CheckOutlined aria-hidden />,
  cancelled: <StopOutlined aria-hidden />,
};

export function StatusTag({ status }: { status: DeclarationStatus }) {
  const { t } = useTranslation('queue');
  return (
    <span className={`cw-status-tag cw-status-${status}`} data-status={status}>
      {icons[status]}
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}
