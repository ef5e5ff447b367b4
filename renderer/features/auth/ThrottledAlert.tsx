import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A sign-in or unlock the throttle refused: how long to wait, counting down to
 * `until` (epoch ms), in the officer's language. Key it by `until` so each refusal
 * starts a fresh count.
 */
export function ThrottledAlert({ until }: { until: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="throttled-error"
      style={{ marginBottom: 12 }}
      title={t('auth.throttled.title')}
      description={
        <>
          <div data-testid="throttled-wait">
            {left > 0 ? t('auth.throttled.wait', { seconds: left }) : t('auth.throttled.ready')}
          </div>
          <div>{t('auth.throttled.hint')}</div>
        </>
      }
    />
  );
}
