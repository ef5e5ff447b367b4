import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown for the moment a screen's code loads on first visit (the 3D view and the charts load on demand). */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div className="cw-screen-loading" role="status" data-testid="screen-loading">
      <Spin size="small" /> <span>{t('common.loading')}</span>
    </div>
  );
}
