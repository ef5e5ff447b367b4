import { useTranslation } from 'react-i18next';
import { EmptyScreen } from '../shell/EmptyScreen';

export function TrainingScreen() {
  const { t } = useTranslation();
  return (
    <EmptyScreen
      testId="screen-training"
      title={t('nav.training')}
      description={t('training.description')}
      emptyTitle={t('training.emptyTitle')}
      emptyHint={t('training.emptyHint')}
    />
  );
}
