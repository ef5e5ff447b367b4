import { EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Select, Space } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallGroup } from '../../../../preload/contract/schemas/settings';
import type { Site, WallLayout } from '../../../../preload/contract/schemas/site';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/sessionStore';
import { useSettings } from '../../../app/settingsStore';
import { usePort } from '../portStore';
import { GroupDialog } from './GroupDialog';
import { gridSizes, layoutWall, type GridSize } from './gridLayout';
import { MissingTile } from './MissingTile';
import { saveWallGroups } from './saveWallGroups';
import { WallTile } from './WallTile';
import { groupsForSite, itemKey, wallItems, withoutCamera } from './wallGroups';
import './wallGroups.css';

const allCameras = '__all__';

const sizeOf = { '1x1': 1, '2x2': 2, '3x3': 3 } as const;

/**
 * 1×1, 2×2 and 3×3 grids of live streams. Camera groups are the workstation's
 * own (settings, per site); any signed-in user arranges them. Every window
 * follows cw:settings.changed, so a second window shows edits at once.
 */
export function CameraWall({ site }: { site: Site }) {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const { wallGroupId, wallSize, wallPage, setWall } = usePort();
  const saved = useSettings((s) => s.settings.cameraGroups);
  const canEdit = useSession((s) => s.session.user !== null);
  const [editing, setEditing] = useState<{ group: WallGroup | null } | null>(null);
  const { groups, suggested } = useMemo(() => groupsForSite(saved, site), [saved, site]);
  const group = groups.find((g) => g.id === wallGroupId) ?? null;
  const items = useMemo(() => wallItems(group, site.cameras), [group, site.cameras]);
  const page = layoutWall(items, wallSize, wallPage);

  // The group shown got a new layout (here or in another window): follow it. A grid chosen by hand stays until then.
  const shownLayout = useRef<{ id: string | null; layout: WallLayout | null }>({
    id: group?.id ?? null,
    layout: group?.layout ?? null,
  });
  useEffect(() => {
    const last = shownLayout.current;
    shownLayout.current = { id: group?.id ?? null, layout: group?.layout ?? null };
    if (group && last.id === group.id && last.layout !== group.layout) setWall({ wallSize: sizeOf[group.layout], wallPage: 0 });
  }, [group, setWall]);

  const expand = (cameraId: string) => {
    const index = items.findIndex((item) => item.kind === 'camera' && item.camera.id === cameraId);
    setWall({ wallSize: 1, wallPage: Math.max(0, index) });
  };

  const dropMissing = async (cameraId: string) => {
    if (!group) return;
    try {
      await saveWallGroups(site.id, withoutCamera(groups, group.id, cameraId));
      void message.success(t('wall.missingDropped', { camera: cameraId, name: group.name }));
    } catch (error) {
      const text = describeError(error, tShell);
      void message.error(`${text.message} ${text.action}`);
    }
  };

  return (
    <section className="cw-wall" aria-label={t('wall.title')} data-testid="camera-wall" data-size={wallSize}>
      <div className="cw-toolbar" role="toolbar" aria-label={t('wall.toolbar')}>
        <Space wrap size={8}>
          <Select
            aria-label={t('wall.group')}
            data-testid="wall-group"
            style={{ minWidth: 200 }}
            value={group?.id ?? allCameras}
            onChange={(value: string) => {
              const chosen = groups.find((g) => g.id === value);
              setWall({
                wallGroupId: value === allCameras ? null : value,
                wallPage: 0,
                ...(chosen ? { wallSize: sizeOf[chosen.layout] } : {}),
              });
            }}
            options={[{ value: allCameras, label: t('wall.allCameras') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
          />
          <Segmented<GridSize>
            aria-label={t('wall.layout')}
            data-testid="wall-layout"
            value={wallSize}
            onChange={(size) => setWall({ wallSize: size, wallPage: 0 })}
            options={gridSizes.map((size) => ({ value: size, label: t('wall.grid', { size }) }))}
          />
          <Space size={4}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('wall.previous')}
              disabled={page.page === 0}
              onClick={() => setWall({ wallPage: page.page - 1 })}
            />
            <span className="cw-tabular" aria-live="polite">
              {t('wall.page', { page: page.page + 1, pages: page.pages })}
            </span>
            <Button
              icon={<RightOutlined />}
              aria-label={t('wall.next')}
              disabled={page.page >= page.pages - 1}
              onClick={() => setWall({ wallPage: page.page + 1 })}
            />
          </Space>
          {canEdit ? (
            <>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEditing({ group: null })}
                data-testid="wall-new-group"
              >
                {t('wall.newGroupButton')}
              </Button>
              <Button
                icon={<EditOutlined aria-hidden />}
                disabled={!group}
                onClick={() => group && setEditing({ group })}
                data-testid="wall-edit-group"
              >
                {t('wall.editGroupButton')}
              </Button>
            </>
          ) : null}
          {suggested && groups.length > 0 ? (
            <span className="cw-wall-origin" data-testid="wall-groups-suggested">
              {t('wall.suggested')}
            </span>
          ) : null}
        </Space>
      </div>
      {items.length === 0 ? (
        <p className="cw-empty-hint">{t('wall.empty')}</p>
      ) : (
        <div
          className="cw-wall-grid"
          style={{ gridTemplateColumns: `repeat(${page.size}, 1fr)`, gridTemplateRows: `repeat(${page.size}, 1fr)` }}
        >
          {page.tiles.map((item, index) => {
            if (!item) return <div key={`empty-${index}`} className="cw-wall-tile cw-wall-tile-empty" aria-hidden />;
            if (item.kind === 'missing')
              return (
                <MissingTile
                  key={itemKey(item)}
                  cameraId={item.cameraId}
                  onDrop={canEdit ? () => void dropMissing(item.cameraId) : null}
                />
              );
            return <WallTile key={itemKey(item)} camera={item.camera} onExpand={expand} />;
          })}
        </div>
      )}
      {editing ? (
        <GroupDialog
          site={site}
          groups={groups}
          initial={editing.group}
          startWith={
            editing.group
              ? null
              : { cameraIds: page.tiles.flatMap((item) => (item?.kind === 'camera' ? [item.camera.id] : [])), size: wallSize }
          }
          onSaved={(next) =>
            setWall(
              next ? { wallGroupId: next.id, wallSize: sizeOf[next.layout], wallPage: 0 } : { wallGroupId: null, wallPage: 0 },
            )
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}
