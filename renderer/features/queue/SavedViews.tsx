import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { useQueue } from './queueStore';

/** The signed-in officer's saved filter + sort combinations. */
export function SavedViews() {
  const { t } = useTranslation('queue');
  const notify = useErrorNotifier();
  const [views, setViews] = useState<SavedView[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const load = useCallback(() => {
    clearway()
      .invoke('cw:queue.savedViews')
      .then(setViews, (e: unknown) => notify(e, t('views.loadFailed')));
  }, [notify, t]);
  useEffect(load, [load]);

  function apply(id: string | null) {
    setCurrent(id);
    const view = views.find((v) => v.id === id);
    if (view) useQueue.getState().replaceQuery(view.filter, view.sort);
  }

  async function save() {
    const { filter, sort } = useQueue.getState();
    const existing = views.find((v) => v.name === name.trim());
    try {
      const saved = await clearway().invoke('cw:queue.saveView', { id: existing?.id, name, filter, sort });
      setNaming(false);
      setCurrent(saved.id);
      load();
    } catch (e) {
      notify(e, t('views.saveFailed'));
    }
  }

  async function remove() {
    if (!current) return;
    try {
      await clearway().invoke('cw:queue.deleteView', { id: current });
      setCurrent(null);
      load();
    } catch (e) {
      notify(e, t('views.deleteFailed'));
    }
  }

  return (
    <Space size={4}>
      <Select<string>
        size="small"
        allowClear
        style={{ width: 170 }}
        placeholder={t('views.placeholder')}
        aria-label={t('views.label')}
        data-testid="saved-views"
        value={current ?? undefined}
        onChange={(id) => apply(id ?? null)}
        options={views.map((v) => ({ value: v.id, label: v.name }))}
        notFoundContent={t('views.none')}
      />
      <Tooltip title={t('views.save')}>
        <Button
          size="small"
          icon={<SaveOutlined aria-hidden />}
          aria-label={t('views.save')}
          data-testid="save-view"
          onClick={() => {
            setName(views.find((v) => v.id === current)?.name ?? '');
            setNaming(true);
          }}
        />
      </Tooltip>
      <Tooltip title={t('views.delete')}>
        <Button
          size="small"
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t('views.delete')}
          disabled={!current}
          onClick={() => void remove()}
          data-testid="delete-view"
        />
      </Tooltip>
      <Modal
        open={naming}
        title={t('views.saveTitle')}
        okText={t('views.save')}
        cancelText={t('cancel')}
        onOk={() => void save()}
        okButtonProps={{ disabled: name.trim().length === 0 }}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <label htmlFor="view-name">{t('views.name')}</label>
        <Input
          id="view-name"
          autoFocus
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && void save()}
        />
        <p className="cw-muted" style={{ marginTop: 8 }}>
          {t('views.saveHint')}
        </p>
      </Modal>
    </Space>
  );
}
