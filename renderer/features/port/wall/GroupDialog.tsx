import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraGroup, Site, SiteCamera, WallLayout } from '../../../../preload/schemas/site';
import { clearway } from '../../../app/clearway';
import { describeError } from '../../../app/errors';
import { usePort } from '../portStore';
import type { GridSize } from './gridLayout';

const layoutOf: Record<GridSize, WallLayout> = { 1: '1x1', 2: '2x2', 3: '3x3' };

/** Slug for a new group id from its name; falls back to a time-based id for names without Latin letters. */
function groupIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = `group-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || Date.now().toString(36)}`.slice(0, 60);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Saves the wall's cameras as a named group in the site file (supervisors). */
export function GroupDialog({ site, initial, cameras, size, onClose }: { site: Site; initial: CameraGroup | null; cameras: SiteCamera[]; size: GridSize; onClose(): void }) {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; cameraIds: string[] }>();
  const capacity = size * size;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const layout = layoutOf[size];
      const groups = initial
        ? site.cameraGroups.map((g) => (g.id === initial.id ? { ...g, name: values.name, layout, cameraIds: values.cameraIds } : g))
        : [...site.cameraGroups, { id: groupIdFor(values.name, new Set(site.cameraGroups.map((g) => g.id))), name: values.name, layout, cameraIds: values.cameraIds }];
      const saved = await clearway().invoke('cw:site.save', { ...site, cameraGroups: groups });
      usePort.getState().setDocument(saved);
      message.success(t('wall.groupSaved', { name: values.name }));
      onClose();
    } catch (error) {
      const text = describeError(error, tShell);
      message.error(`${text.message} ${text.action}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={initial ? t('wall.editGroup') : t('wall.newGroup')} okText={t('wall.save')} cancelText={t('wall.cancel')} confirmLoading={saving} onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ name: initial?.name ?? '', cameraIds: cameras.slice(0, capacity).map((c) => c.id) }}>
        <Form.Item name="name" label={t('wall.groupName')} rules={[{ required: true, whitespace: true, message: t('wall.groupNameRequired') }, { max: 120 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="cameraIds"
          label={t('wall.groupCameras', { capacity })}
          rules={[
            { required: true, type: 'array', min: 1, message: t('wall.groupCamerasRequired') },
            { type: 'array', max: capacity, message: t('wall.groupCamerasTooMany', { capacity }) },
          ]}
        >
          <Select mode="multiple" options={site.cameras.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
