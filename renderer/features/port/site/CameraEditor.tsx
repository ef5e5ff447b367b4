/**
 * The supervisor's camera editor: placement (position, heading, tilt, field of
 * view) and stream source of each camera, with the site re-validated on every
 * keystroke by the same schema the service applies, and saved with cw:site.save
 * (audited). Mount it where the port view is:
 *
 *   <CameraEditorButton document={siteDocument} cameraId={selected} onSaved={setDocument} />
 *
 * It renders nothing for users who are not supervisors.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraSourceTypes, type Site, type SiteDocument } from '../../../../preload/contract/schemas/site';
import { clearway } from '../../../app/clearway';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/sessionStore';
import { addCamera, checkDraft, fromForm, newCamera, removeCamera, replaceCamera, toForm, type CameraForm } from './siteDraft';
import { registerSiteEditorStrings, SITE_EDITOR_NS } from './siteEditorI18n';

export function canEditSite(role: string | undefined): boolean {
  return role === 'supervisor';
}

export interface CameraEditorButtonProps {
  document: SiteDocument;
  /** The camera to open on; the first camera otherwise. */
  cameraId?: string | null;
  onSaved(document: SiteDocument): void;
}

export function CameraEditorButton({ document, cameraId, onSaved }: CameraEditorButtonProps) {
  registerSiteEditorStrings();
  const { t } = useTranslation(SITE_EDITOR_NS);
  const role = useSession((s) => s.session.user?.role);
  const [open, setOpen] = useState(false);
  if (!canEditSite(role)) return null;
  return (
    <>
      <Tooltip title={t('editor.openHint')}>
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="site-edit-cameras">
          {t('editor.open')}
        </Button>
      </Tooltip>
      {open ? (
        <CameraEditorDrawer document={document} cameraId={cameraId ?? null} onClose={() => setOpen(false)} onSaved={onSaved} />
      ) : null}
    </>
  );
}

interface DrawerProps {
  document: SiteDocument;
  cameraId: string | null;
  onClose(): void;
  onSaved(document: SiteDocument): void;
}

export function CameraEditorDrawer({ document, cameraId, onClose, onSaved }: DrawerProps) {
  registerSiteEditorStrings();
  const { t } = useTranslation(SITE_EDITOR_NS);
  const { t: tShell } = useTranslation();
  const [draft, setDraft] = useState<Site>(document.site);
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      document.site.cameras.findIndex((c) => c.id === cameraId),
    ),
  );
  const [form, setForm] = useState<CameraForm | null>(() => {
    const camera =
      document.site.cameras[
        Math.max(
          0,
          document.site.cameras.findIndex((c) => c.id === cameraId),
        )
      ];
    return camera ? toForm(camera) : null;
  });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const dirty = draft !== document.site;

  const check = useMemo(() => checkDraft(draft, form ? index : null), [draft, form, index]);
  const otherProblems = check.all.filter((p) => !p.path.startsWith(`cameras[${index}]`));

  const select = (next: number, site: Site = draft) => {
    const camera = site.cameras[next];
    setIndex(next);
    setForm(camera ? toForm(camera) : null);
  };

  const edit = (patch: Partial<CameraForm>) => {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    setDraft((site) => replaceCamera(site, index, fromForm(next)));
    setSaveError(null);
  };

  const add = () => {
    const camera = newCamera(draft, t('editor.newName'));
    const site = addCamera(draft, camera);
    setDraft(site);
    select(site.cameras.length - 1, site);
  };

  const remove = () => {
    const site = removeCamera(draft, index);
    setDraft(site);
    select(Math.min(index, site.cameras.length - 1), site);
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await clearway().invoke('cw:site.save', draft);
      onSaved(saved);
      onClose();
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof CameraForm) => ({
    validateStatus: check.fields[name] ? ('error' as const) : undefined,
    help: check.fields[name],
    htmlFor: `site-camera-${name}`,
    label: t(`editor.fields.${name}`),
  });
  const number = (name: 'x' | 'y' | 'z' | 'yawDeg' | 'pitchDeg' | 'fovDeg', step = 1) => (
    <Form.Item {...field(name)} style={{ marginBottom: 8 }}>
      <InputNumber
        id={`site-camera-${name}`}
        value={form?.[name]}
        step={step}
        style={{ width: '100%' }}
        className="cw-tabular"
        onChange={(value) => edit({ [name]: typeof value === 'number' ? value : Number.NaN })}
      />
    </Form.Item>
  );

  const error = saveError ? describeError(saveError, tShell) : null;
  const usesUrl = form && form.sourceType !== 'webcam';

  return (
    <Drawer
      open
      width={440}
      title={t('editor.title', { site: draft.name })}
      onClose={onClose}
      data-testid="site-camera-editor"
      footer={
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary">{dirty ? t('editor.unsaved') : null}</Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('editor.cancel')}</Button>
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              loading={saving}
              disabled={!dirty || check.all.length > 0}
              onClick={() => void save()}
              data-testid="site-save"
            >
              {saving ? t('editor.saving') : t('editor.save')}
            </Button>
          </Space>
        </Space>
      }
    >
      {document.source === 'demo' ? (
        <Alert type="info" showIcon title={t('editor.demoNotice')} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('editor.saveFailed')}
          description={`${error.message} ${error.action}`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          aria-label={t('editor.camera')}
          style={{ flex: 1 }}
          value={form ? index : undefined}
          options={draft.cameras.map((camera, i) => ({ value: i, label: `${camera.name} (${camera.id})` }))}
          onChange={(value: number) => select(value)}
          data-testid="site-camera-select"
        />
        <Tooltip title={t('editor.add')}>
          <Button icon={<PlusOutlined aria-hidden />} aria-label={t('editor.add')} onClick={add} data-testid="site-camera-add" />
        </Tooltip>
        {form ? (
          <Popconfirm
            title={t('editor.removeConfirm', { camera: form.name })}
            okText={t('editor.removeOk')}
            cancelText={t('editor.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={remove}
          >
            <Tooltip title={t('editor.remove')}>
              <Button
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('editor.remove')}
                data-testid="site-camera-remove"
              />
            </Tooltip>
          </Popconfirm>
        ) : null}
      </Space.Compact>

      {form ? (
        <Form layout="vertical" size="small" requiredMark={false} onSubmitCapture={(e) => e.preventDefault()}>
          <Typography.Title level={5}>{t('editor.sections.identity')}</Typography.Title>
          <Form.Item {...field('name')} style={{ marginBottom: 8 }}>
            <Input id="site-camera-name" value={form.name} onChange={(e) => edit({ name: e.target.value })} />
          </Form.Item>
          <Form.Item {...field('id')} style={{ marginBottom: 8 }}>
            <Input id="site-camera-id" value={form.id} onChange={(e) => edit({ id: e.target.value })} spellCheck={false} />
          </Form.Item>
          <Form.Item {...field('kind')} style={{ marginBottom: 8 }}>
            <Segmented<CameraForm['kind']>
              id="site-camera-kind"
              value={form.kind}
              options={[
                { value: 'fixed', label: t('editor.kinds.fixed') },
                { value: '360', label: t('editor.kinds.360') },
              ]}
              onChange={(kind) => edit({ kind })}
            />
          </Form.Item>
          <Form.Item {...field('group')} style={{ marginBottom: 8 }}>
            <Select
              id="site-camera-group"
              value={form.group}
              options={[
                { value: '', label: t('editor.noGroup') },
                ...draft.cameraGroups.map((g) => ({ value: g.id, label: g.name })),
              ]}
              onChange={(group: string) => edit({ group })}
            />
          </Form.Item>

          <Typography.Title level={5}>{t('editor.sections.placement')}</Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: 8 }}>
            {number('x', 0.5)}
            {number('y', 0.5)}
            {number('z', 0.5)}
            {number('yawDeg', 5)}
            {number('pitchDeg', 1)}
            {number('fovDeg', 1)}
          </div>

          <Typography.Title level={5}>{t('editor.sections.source')}</Typography.Title>
          <Form.Item {...field('sourceType')} style={{ marginBottom: 8 }}>
            <Select
              id="site-camera-sourceType"
              value={form.sourceType}
              options={cameraSourceTypes.map((type) => ({ value: type, label: t(`editor.sourceTypes.${type}`) }))}
              onChange={(sourceType: CameraForm['sourceType']) => edit({ sourceType })}
              data-testid="site-camera-source-type"
            />
          </Form.Item>
          {usesUrl ? (
            <Form.Item
              {...field('url')}
              style={{ marginBottom: 8 }}
              extra={check.fields.url ? undefined : t(`editor.urlHints.${form.sourceType}`)}
            >
              <Input
                id="site-camera-url"
                value={form.url}
                onChange={(e) => edit({ url: e.target.value })}
                spellCheck={false}
                data-testid="site-camera-url"
              />
            </Form.Item>
          ) : (
            <Form.Item {...field('deviceId')} style={{ marginBottom: 8 }}>
              <Input
                id="site-camera-deviceId"
                value={form.deviceId}
                onChange={(e) => edit({ deviceId: e.target.value })}
                spellCheck={false}
              />
            </Form.Item>
          )}
          {form.sourceType === 'url' ? (
            <Form.Item {...field('loop')} style={{ marginBottom: 8 }}>
              <Switch id="site-camera-loop" checked={form.loop} onChange={(loop) => edit({ loop })} />
            </Form.Item>
          ) : null}
          {form.kind === '360' ? (
            <Form.Item {...field('still')} style={{ marginBottom: 8 }}>
              <Input
                id="site-camera-still"
                value={form.still}
                onChange={(e) => edit({ still: e.target.value })}
                spellCheck={false}
              />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}

      {otherProblems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('editor.otherProblems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {otherProblems.slice(0, 8).map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Drawer>
  );
}
