import { ExperimentOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';

/** A demo profile (sample data, demo accounts with a published password) never passes for a live workstation. */
export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useSession((s) => s.info.demo);
  if (!demo) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      icon={<ExperimentOutlined aria-hidden />}
      title={t('mode.demoBanner')}
      data-testid="demo-banner"
    />
  );
}
