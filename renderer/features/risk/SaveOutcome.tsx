import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import type { VersionedSave } from './useVersionedSave';

/** What went wrong with the last save of a versioned editor: a version conflict (with its two ways out) or an error. */
export function SaveOutcome({ saver, testId }: { saver: VersionedSave<{ version: number }>; testId?: string }) {
  const { t } = useTranslation('risk');
  return (
    <>
      {saver.conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid={testId}
          message={t('conflict.title')}
          description={t('conflict.text')}
          action={
            <Space direction="vertical" size={4}>
              <Button size="small" onClick={() => void saver.reload()}>
                {t('conflict.reload')}
              </Button>
              <Button size="small" danger onClick={() => void saver.overwrite()}>
                {t('conflict.overwrite')}
              </Button>
            </Space>
          }
        />
      ) : null}
      {saver.requested ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="save-requested"
          message={t('requested.title')}
          description={t('requested.text')}
        />
      ) : null}
      {saver.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={t('saveFailed')}
          description={describeError(saver.error, t as never).message}
        />
      ) : null}
    </>
  );
}
