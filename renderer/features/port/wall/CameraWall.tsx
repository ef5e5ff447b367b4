import { LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, SiteCamera } from '../../../../preload/schemas/site';
import { usePort } from '../portStore';
import { GroupDialog } from './GroupDialog';
import { gridSizes, layoutWall, type GridSize } from './gridLayout';
import { WallTile } from './WallTile';

const allCameras = '__all__';

const sizeOf = { '1x1': 1, '2x2': 2, '3x3': 3 } as const;

/** 1×1, 2×2 and 3×3 grids of live streams; camera groups come from (and are saved to) the site file. */
export function CameraWall({ site, canEditGroups }: { site: Site; canEditGroups: boolean }) {
  const { t } = useTranslation('port');
  const { wallGroupId, wallSize, wallPage, setWall } = usePort();
  const [editing, setEditing] = useState(false);
  const group = site.cameraGroups.find((g) => g.id === wallGroupId) ?? null;
  const cameras = useMemo<SiteCamera[]>(() => {
    if (!group) return site.cameras;
    const byId = new Map(site.cameras.map((c) => [c.id, c]));
    return group.cameraIds.map((id) => byId.get(id)).filter((c): c is SiteCamera => c !== undefined);
  }, [group, site.cameras]);
  const page = layoutWall(cameras, wallSize, wallPage);

  const expand = (cameraId: string) => {
    const index = cameras.findIndex((c) => c.id === cameraId);
    setWall({ wallSize: 1, wallPage: Math.max(0, index) });
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
              const chosen = site.cameraGroups.find((g) => g.id === value);
              setWall({ wallGroupId: value === allCameras ? null : value, wallPage: 0, ...(chosen ? { wallSize: sizeOf[chosen.layout] } : {}) });
            }}
            options={[{ value: allCameras, label: t('wall.allCameras') }, ...site.cameraGroups.map((g) => ({ value: g.id, label: g.name }))]}
          />
          <Segmented<GridSize>
            aria-label={t('wall.layout')}
            data-testid="wall-layout"
            value={wallSize}
            onChange={(size) => setWall({ wallSize: size, wallPage: 0 })}
            options={gridSizes.map((size) => ({ value: size, label: t('wall.grid', { size }) }))}
          />
          <Space size={4}>
            <Button icon={<LeftOutlined />} aria-label={t('wall.previous')} disabled={page.page === 0} onClick={() => setWall({ wallPage: page.page - 1 })} />
            <span className="cw-tabular" aria-live="polite">
              {t('wall.page', { page: page.page + 1, pages: page.pages })}
            </span>
            <Button icon={<RightOutlined />} aria-label={t('wall.next')} disabled={page.page >= page.pages - 1} onClick={() => setWall({ wallPage: page.page + 1 })} />
          </Space>
          {canEditGroups ? (
            <Button icon={<SaveOutlined />} onClick={() => setEditing(true)} data-testid="wall-save-group">
              {t('wall.saveGroup')}
            </Button>
          ) : null}
        </Space>
      </div>
      {cameras.length === 0 ? (
        <p className="cw-empty-hint">{t('wall.empty')}</p>
      ) : (
        <div className="cw-wall-grid" style={{ gridTemplateColumns: `repeat(${page.size}, 1fr)`, gridTemplateRows: `repeat(${page.size}, 1fr)` }}>
          {page.tiles.map((camera, index) =>
            camera ? <WallTile key={camera.id} camera={camera} onExpand={expand} /> : <div key={`empty-${index}`} className="cw-wall-tile cw-wall-tile-empty" aria-hidden />,
          )}
        </div>
      )}
      {editing ? <GroupDialog site={site} initial={group} cameras={cameras} size={wallSize} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
