import { UserAddOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../preload/contract/schemas/queue';
import { DECISION_KEYS } from './DetailPane';
import { useQueue } from './queueStore';
import { useTriage } from './triageStore';

const DECISIONS: Decision[] = ['release', 'hold', 'requestDocuments', 'sendToInspection'];

/** Shown while rows are selected: the same decisions, for all of them at once. */
export function BulkBar({ onAssignMe }: { onAssignMe(ids: string[]): void }) {
  const { t } = useTranslation('queue');
  const selected = useQueue((s) => s.cursor.selected);
  if (selected.length === 0) return null;
  return (
    <div className="cw-bulkbar" role="region" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <strong>{t('bulk.selected', { count: selected.length })}</strong>
      <Space size={4} wrap>
        {DECISIONS.map((d) => (
          <Button key={d} size="small" onClick={() => useTriage.getState().request(d)} data-testid={`bulk-${d}`}>
            {t(`decision.${d}`)} <kbd className="cw-kbd">{DECISION_KEYS[d]}</kbd>
          </Button>
        ))}
        <Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => onAssignMe([...selected])}>
          {t('actions.assignMe')} <kbd className="cw-kbd">a</kbd>
        </Button>
        <Button size="small" type="text" onClick={() => useQueue.getState().dispatch({ type: 'clear' })}>
          {t('bulk.clear')} <kbd className="cw-kbd">Esc</kbd>
        </Button>
      </Space>
    </div>
  );
}
