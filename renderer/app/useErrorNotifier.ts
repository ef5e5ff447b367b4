import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';

/** Shows a failed call as a notification: what failed and what to do. */
export function useErrorNotifier(): (error: unknown, what?: string) => void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, what?: string) => {
      const text = describeError(error, t);
      notification.error({
        title: what ?? t('errors.title'),
        description: `${text.message} — ${text.action}`,
        duration: 8,
      });
    },
    [notification, t],
  );
}
