import { ExperimentOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ImportButton } from './ImportControls';
import { useSession } from '../../app/sessionStore';
import { useQueue } from './queueStore';

const DEMO_COUNT = 500;

/** No declarations yet: the three ways to get some. */
export function EmptyQueue({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation('queue');
  const notify = useErrorNotifier();
  const [busy, setBusy] = useState(false);
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  if (filtered) {
    return (
      <div className="cw-empty" data-testid="queue-empty-filtered">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.filtered')} />
      </div>
    );
  }
  async function demo() {
    setBusy(true);
    try {
      await clearway().invoke('cw:queue.demo', { count: DEMO_COUNT, seed: Date.now() % 100_000 });
      await useQueue.getState().refresh();
    } catch (e) {
      notify(e, t('empty.demoFailed'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="cw-empty" data-testid="queue-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div style={{ fontWeight: 600 }}>{t('empty.title')}</div>
            <ol className="cw-empty-steps">
              <li>{t('empty.import')}</li>
              <li>
                <FolderOpenOutlined aria-hidden /> {t('empty.inbox')} <span className="cw-mono">inbox/</span>
              </li>
              {supervisor ? <li>{t('empty.demo', { count: DEMO_COUNT })}</li> : null}
            </ol>
          </>
        }
      >
        <ImportButton />{' '}
        {supervisor ? (
          <Button
            size="small"
            icon={<ExperimentOutlined aria-hidden />}
            loading={busy}
            onClick={() => void demo()}
            data-testid="demo-generate"
          >
            {t('empty.demoButton', { count: DEMO_COUNT })}
          </Button>
        ) : null}
      </Empty>
    </div>
  );
}
