import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';

interface SaveOutcomeProps {
  /** From useConflictSave: someone else saved a newer version in between. */
  conflict: boolean;
  error: unknown;
  /** Discard the edit and load the latest version. */
  onReload(): void;
  /** Keep the edit and save it over the latest version. */
  onOverwrite(): void;
  testId?: string;
}

/** What went wrong with the last save of a versioned editor: a version conflict (with its two ways out) or an error. */
export function SaveOutcome({ conflict, error, onReload, onOverwrite, testId }: SaveOutcomeProps) {
  const { t } = useTranslation('rules');
  return (
    <>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid={testId}
          message={t('conflict.title')}
          description={t('conflict.text')}
          action={
            <Space direction="vertical" size={4}>
              <Button size="small" onClick={onReload}>
                {t('conflict.reload')}
              </Button>
              <Button size="small" danger onClick={onOverwrite}>
                {t('conflict.overwrite')}
              </Button>
            </Space>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} message={t('saveFailed')} description={describeError(error, t as never).message} /> : null}
    </>
  );
}
