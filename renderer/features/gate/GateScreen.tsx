import { useTranslation } from 'react-i18next';
import { EmptyScreen } from '../shell/EmptyScreen';

export function GateScreen() {
  const { t } = useTranslation();
  return (
    <EmptyScreen
      testId="screen-gate"
      title={t('nav.gate')}
      description={t('gate.description')}
      emptyTitle={t('gate.emptyTitle')}
      emptyHint={t('gate.emptyHint')}
    />
  );
}
