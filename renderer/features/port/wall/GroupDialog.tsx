import { DeleteOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wallCapacity, type WallGroup } from '../../../../preload/contract/schemas/settings';
import type { Site, WallLayout } from '../../../../preload/contract/schemas/site';
import { describeError } from '../../../app/errors';
import type { GridSize } from './gridLayout';
import { saveWallGroups } from './saveWallGroups';
import { cameraIdsFromTiles, missingCameraIds, nameTaken, newGroupId, withGroup, withoutGroup } from './wallGroups';

const layouts: readonly WallLayout[] = ['1x1', '2x2', '3x3'];
const layoutOf: Record<GridSize, WallLayout> = { 1: '1x1', 2: '2x2', 3: '3x3' };
const sizeOf: Record<WallLayout, GridSize> = { '1x1': 1, '2x2': 2, '3x3': 3 };
const MAX_TILES = wallCapacity['3x3'];

function tilesOf(cameraIds: readonly string[]): (string | null)[] {
  return Array.from({ length: MAX_TILES }, (_, i) => cameraIds[i] ?? null);
}

/**
 * Creates, renames, re-lays-out and deletes a camera group, and assigns cameras
 * to its tiles. Saved in the workstation settings for this site; cameras the
 * site no longer has are named as such and can be dropped.
 */
export function GroupDialog({
  site,
  groups,
  initial,
  startWith,
  onSaved,
  onClose,
}: {
  site: Site;
  /** The site's groups as the wall shows them (the settings', or the site file's suggestion). */
  groups: WallGroup[];
  /** The group edited, or null for a new one. */
  initial: WallGroup | null;
  /** A new group starts from what the wall shows. */
  startWith: { cameraIds: string[]; size: GridSize } | null;
  /** The saved group, or null when it was deleted. */
  onSaved(group: WallGroup | null): void;
  onClose(): void;
}) {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [layout, setLayout] = useState<WallLayout>(initial?.layout ?? layoutOf[startWith?.size ?? 2]);
  const [tiles, setTiles] = useState<(string | null)[]>(() =>
    tilesOf(initial?.cameraIds ?? startWith?.cameraIds.slice(0, wallCapacity[layoutOf[startWith.size]]) ?? []),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const capacity = wallCapacity[layout];
  const size = sizeOf[layout];

  const cameraNames = useMemo(() => new Map(site.cameras.map((c) => [c.id, c.name])), [site.cameras]);
  const shown = tiles.slice(0, capacity);
  const missing = missingCameraIds({ cameraIds: shown.filter((id): id is string => id !== null) }, site.cameras);
  const beyond = tiles.slice(capacity).filter((id): id is string => id !== null);

  const setTile = (index: number, cameraId: string | null) =>
    setTiles((current) => current.map((id, i) => (i === index ? cameraId : id)));
  const dropMissing = () => setTiles((current) => current.map((id) => (id !== null && missing.includes(id) ? null : id)));

  const optionsFor = (index: number) => {
    const here = tiles[index];
    const usedElsewhere = new Set(shown.filter((id, i): id is string => id !== null && i !== index));
    const options = site.cameras.map((c) => ({ value: c.id, label: c.name, disabled: usedElsewhere.has(c.id) }));
    if (here && !cameraNames.has(here))
      options.unshift({ value: here, label: t('wall.missingOption', { camera: here }), disabled: false });
    return options;
  };

  const fail = (error: unknown) => {
    const text = describeError(error, tShell);
    setProblem(`${text.message} ${text.action}`);
  };

  const save = async () => {
    setProblem(null);
    let name: string;
    try {
      name = (await form.validateFields()).name.trim();
    } catch {
      return;
    }
    if (nameTaken(groups, name, initial?.id ?? null)) {
      form.setFields([{ name: 'name', errors: [t('wall.groupNameTaken', { name })] }]);
      return;
    }
    const cameraIds = cameraIdsFromTiles(tiles, layout);
    if (cameraIds.length === 0) {
      setProblem(t('wall.groupCamerasRequired'));
      return;
    }
    const group: WallGroup = { id: initial?.id ?? newGroupId(name, new Set(groups.map((g) => g.id))), name, layout, cameraIds };
    setBusy(true);
    try {
      await saveWallGroups(site.id, withGroup(groups, group));
      void message.success(t('wall.groupSaved', { name }));
      onSaved(group);
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!initial) return;
    setBusy(true);
    try {
      await saveWallGroups(site.id, withoutGroup(groups, initial.id));
      void message.success(t('wall.groupDeleted', { name: initial.name }));
      onSaved(null);
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <div className="cw-dialog-footer" style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
      {initial ? (
        <Popconfirm
          title={t('wall.deleteConfirm', { name: initial.name })}
          okText={t('wall.delete')}
          cancelText={t('wall.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void remove()}
        >
          <Button
            icon={<DeleteOutlined aria-hidden />}
            disabled={busy}
            data-testid="group-delete"
            style={{ marginRight: 'auto' }}
          >
            {t('wall.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      <Button onClick={onClose} disabled={busy}>
        {t('wall.cancel')}
      </Button>
      <Button
        type="primary"
        icon={<SaveOutlined aria-hidden />}
        loading={busy}
        onClick={() => void save()}
        data-testid="group-save"
      >
        {t('wall.save')}
      </Button>
    </div>
  );

  return (
    <Modal
      open
      title={initial ? t('wall.editGroup') : t('wall.newGroup')}
      footer={footer}
      onCancel={onClose}
      width={size === 3 ? 760 : 600}
      destroyOnHidden
      modalRender={(node) => <div data-testid="group-dialog">{node}</div>}
    >
      <Form form={form} layout="vertical" initialValues={{ name: initial?.name ?? '' }} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('wall.groupName')}
          rules={[
            { required: true, whitespace: true, message: t('wall.groupNameRequired') },
            { max: 120, message: t('wall.groupNameTooLong') },
          ]}
        >
          <Input autoFocus data-testid="group-name" onPressEnter={() => void save()} />
        </Form.Item>
        <Form.Item label={t('wall.layout')}>
          <Segmented<WallLayout>
            aria-label={t('wall.layout')}
            data-testid="group-layout"
            value={layout}
            onChange={setLayout}
            options={layouts.map((l) => ({ value: l, label: t('wall.grid', { size: sizeOf[l] }) }))}
          />
        </Form.Item>
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="group-missing"
            style={{ marginBottom: 12 }}
            title={t('wall.missingInGroup', { cameras: missing.join(', ') })}
            action={
              <Button size="small" onClick={dropMissing} data-testid="group-drop-missing">
                {t('wall.dropMissingAll')}
              </Button>
            }
          />
        ) : null}
        <Form.Item label={t('wall.groupTiles', { capacity })} extra={t('wall.groupTilesHelp')}>
          <div
            className="cw-group-tiles"
            style={{ gridTemplateColumns: `repeat(${size}, minmax(0, 1fr))` }}
            data-testid="group-tiles"
          >
            {shown.map((cameraId, index) => (
              <div className="cw-group-tile" key={index}>
                <span className="cw-group-tile-label">{t('wall.tile', { n: index + 1 })}</span>
                <Select
                  aria-label={t('wall.tile', { n: index + 1 })}
                  data-testid={`group-tile-${index + 1}`}
                  value={cameraId}
                  placeholder={t('wall.tileEmpty')}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={optionsFor(index)}
                  onChange={(value: string | undefined) => setTile(index, value ?? null)}
                  status={cameraId !== null && !cameraNames.has(cameraId) ? 'warning' : undefined}
                />
              </div>
            ))}
          </div>
        </Form.Item>
        {beyond.length > 0 ? (
          <Typography.Paragraph type="warning" data-testid="group-beyond">
            <WarningOutlined aria-hidden />{' '}
            {t('wall.beyondLayout', { count: beyond.length, cameras: beyond.map((id) => cameraNames.get(id) ?? id).join(', ') })}
          </Typography.Paragraph>
        ) : null}
        {problem ? (
          <Typography.Paragraph type="danger" role="alert" data-testid="group-problem">
            <WarningOutlined aria-hidden /> {problem}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </Modal>
  );
}
