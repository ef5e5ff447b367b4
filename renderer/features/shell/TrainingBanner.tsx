import { ExperimentOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';

/** Training runs on its own database; this banner makes that impossible to miss. */
export function TrainingBanner() {
  const { t } = useTranslation();
  const training = useSession((s) => s.session.mode === 'training');
  if (!training) return null;
  return (
    <Alert
      banner
      type="warning"
      icon={<ExperimentOutlined aria-hidden />}
      showIcon
      title={t('mode.trainingBanner')}
      style={{ background: '#391085', color: '#fff', borderColor: '#722ed1' }}
    />
  );
}
