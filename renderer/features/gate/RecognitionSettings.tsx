import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Drawer, InputNumber, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraRecognitionSettings, RecognitionCamera } from '../../../preload/contract/schemas/recognition';
import type { Site } from '../../../preload/contract/schemas/site';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useRecognition } from './recognitionStore';

/** A supervisor's recognition settings: per lane the auto-release policy, per camera on/off, ROI, threshold and frame rate. */
export function RecognitionSettings({ site }: { site: Site | null }) {
  const { t } = useTranslation('gate');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const setup = useRecognition((s) => s.setup);
  const [open, setOpen] = useState(false);
  const lanes = site?.gates.flatMap((g) => g.lanes) ?? [];
  const laneName = (id: string) => lanes.find((l) => l.id === id)?.name ?? id;
  const cameraName = (id: string) => site?.cameras.find((c) => c.id === id)?.name ?? id;

  const save = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('settings.saved'));
    } catch (error) {
      const text = describeError(error, tShell);
      message.error(`${text.message} ${text.action}`);
    }
  };
  const setCamera = (camera: RecognitionCamera, change: Partial<CameraRecognitionSettings>) =>
    save(async () =>
      useRecognition.getState().setSetup(
        await clearway().invoke('cw:recognition.setCamera', {
          cameraId: camera.cameraId,
          settings: { ...camera.settings, ...change },
        }),
      ),
    );
  const roiChange = (camera: RecognitionCamera, key: 'x' | 'y' | 'width' | 'height', value: number | null) => {
    if (value === null) return;
    void setCamera(camera, { roi: { ...camera.settings.roi, [key]: value } });
  };

  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="gate-recognition-settings">
        {t('settings.open')}
      </Button>
      <Drawer
        title={t('settings.title')}
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        data-testid="gate-recognition-drawer"
      >
        <h3>{t('settings.lanes')}</h3>
        <p className="cw-gate-muted">{t('settings.lanesHint')}</p>
        <Table
          size="small"
          rowKey="laneId"
          pagination={false}
          dataSource={setup?.lanes ?? []}
          columns={[
            { key: 'lane', title: t('table.lane'), render: (_, lane) => laneName(lane.laneId) },
            {
              key: 'auto',
              title: t('settings.autoRelease'),
              render: (_, lane) => (
                <Switch
                  checked={lane.autoRelease}
                  aria-label={t('settings.autoReleaseFor', { lane: laneName(lane.laneId) })}
                  data-testid={`gate-policy-${lane.laneId}`}
                  onChange={(autoRelease) =>
                    void save(async () =>
                      useRecognition
                        .getState()
                        .setSetup(await clearway().invoke('cw:recognition.setLanePolicy', { laneId: lane.laneId, autoRelease })),
                    )
                  }
                />
              ),
            },
          ]}
        />
        <h3 style={{ marginTop: 16 }}>{t('settings.cameras')}</h3>
        {(setup?.cameras ?? []).map((camera) => (
          <fieldset
            key={camera.cameraId}
            className="cw-gate-camera-settings"
            data-testid={`gate-camera-settings-${camera.cameraId}`}
          >
            <legend>
              {cameraName(camera.cameraId)} · {laneName(camera.laneId)} · {t(`live.reads.${camera.reads}`)}
            </legend>
            <Space wrap size={[16, 8]}>
              <label>
                {t('settings.enabled')}{' '}
                <Switch checked={camera.settings.enabled} onChange={(enabled) => void setCamera(camera, { enabled })} />
              </label>
              <label>
                {t('settings.minConfidence')}{' '}
                <InputNumber
                  min={0}
                  max={1}
                  step={0.05}
                  value={camera.settings.minConfidence}
                  onChange={(v) => v !== null && void setCamera(camera, { minConfidence: v })}
                />
              </label>
              <label>
                {t('settings.frameRate')}{' '}
                <InputNumber
                  min={0.5}
                  max={10}
                  step={0.5}
                  value={camera.settings.frameRate}
                  onChange={(v) => v !== null && void setCamera(camera, { frameRate: v })}
                />
              </label>
              <label>
                {t('settings.motion')}{' '}
                <InputNumber
                  min={0}
                  max={1}
                  step={0.01}
                  value={camera.settings.motionThreshold}
                  onChange={(v) => v !== null && void setCamera(camera, { motionThreshold: v })}
                />
              </label>
            </Space>
            <Space wrap size={[16, 8]} className="cw-gate-roi">
              <span>{t('settings.roi')}</span>
              {(['x', 'y', 'width', 'height'] as const).map((key) => (
                <label key={key}>
                  {t(`settings.roiPart.${key}`)}{' '}
                  <InputNumber
                    min={0}
                    max={1}
                    step={0.05}
                    value={camera.settings.roi[key]}
                    onChange={(v) => roiChange(camera, key, v)}
                  />
                </label>
              ))}
            </Space>
          </fieldset>
        ))}
      </Drawer>
    </>
  );
}
