import { CheckCircleOutlined, ClockCircleOutlined, FolderOpenOutlined, SearchOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../preload/contract/schemas/cases';

const LOOK: Record<CaseStatus, { icon: React.ReactNode; color: string }> = {
  open: { icon: <FolderOpenOutlined />, color: 'blue' },
  under_inspection: { icon: <SearchOutlined />, color: 'orange' },
  pending_decision: { icon: <ClockCircleOutlined />, color: 'purple' },
  closed: { icon: <CheckCircleOutlined />, color: 'default' },
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('cases');
  return (
    <Tag icon={LOOK[status].icon} color={LOOK[status].color} data-testid="case-status">
      {t(`status.${status}`)}
    </Tag>
  );
}
