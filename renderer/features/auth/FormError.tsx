import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';

/** A failed submit, said inline: what failed and what to do. */
export function FormError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      style={{ marginBottom: 12 }}
      title={title ?? text.message}
      description={title ? `${text.message} — ${text.action}` : text.action}
    />
  );
}
