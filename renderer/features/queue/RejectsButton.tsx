import { WarningOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredReject } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { RejectsTable } from './ImportControls';

/** Every message that could not be imported (from any source: dialog, drop, inbox). */
export function RejectsButton() {
  const { t } = useTranslation('queue');
  const notify = useErrorNotifier();
  const [rejects, setRejects] = useState<StoredReject[] | null>(null);
  async function open() {
    try {
      setRejects(await clearway().invoke('cw:queue.rejects', { limit: 500 }));
    } catch (e) {
      notify(e, t('rejects.loadFailed'));
    }
  }
  return (
    <>
      <Button size="small" icon={<WarningOutlined aria-hidden />} onClick={() => void open()} data-testid="rejects-button">
        {t('rejects.button')}
      </Button>
      <Modal
        open={rejects !== null}
        title={t('rejects.title')}
        onCancel={() => setRejects(null)}
        footer={null}
        width={880}
        destroyOnHidden
      >
        {rejects && rejects.length === 0 ? (
          <p className="cw-muted">{t('rejects.none')}</p>
        ) : (
          <RejectsTable rejects={rejects ?? []} testId="rejects-list" />
        )}
      </Modal>
    </>
  );
}
