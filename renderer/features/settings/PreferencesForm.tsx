import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/schemas/settings';
import { useLook } from '../../app/useLook';
import { useSettings } from '../../app/settingsStore';
import { FormError } from '../auth/FormError';
import { localeOptions } from '../shell/LanguageSwitch';
import { isHubUrl } from '../sync/isHubUrl';
import { OnOffSwitch } from './OnOffSwitch';

type WorkstationValues = Pick<Settings, 'idleLockMinutes' | 'cameraEnabled' | 'office' | 'hubUrl'>;

/** Language and theme apply at once; workstation settings are saved together. */
export function PreferencesForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const { setLocale, setTheme } = useLook();
  const [form] = Form.useForm<WorkstationValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: WorkstationValues) {
    setBusy(true);
    setError(null);
    try {
      await update({ ...values, office: values.office.trim(), hubUrl: values.hubUrl.trim() });
      void message.success(t('settings.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cw-grid-2">
      <Card size="small" title={t('settings.lookTitle')}>
        <Form layout="vertical">
          <Form.Item label={t('settings.language')} htmlFor="settings-locale" extra={t('settings.languageHelp')}>
            <Select
              id="settings-locale"
              data-testid="settings-locale"
              value={settings.locale}
              options={localeOptions}
              onChange={setLocale}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          <Form.Item label={t('settings.theme')} extra={t('settings.themeHelp')}>
            <Radio.Group
              aria-label={t('settings.theme')}
              value={settings.theme}
              onChange={(e) => setTheme(e.target.value as Settings['theme'])}
              optionType="button"
              options={[
                { value: 'dark', label: t('settings.themes.dark') },
                { value: 'light', label: t('settings.themes.light') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('settings.workstationTitle')}>
        <FormError error={error} title={t('settings.saveFailed')} />
        <Form<WorkstationValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          initialValues={{
            idleLockMinutes: settings.idleLockMinutes,
            cameraEnabled: settings.cameraEnabled,
            office: settings.office,
            hubUrl: settings.hubUrl,
          }}
        >
          <Form.Item
            label={t('settings.idleLock')}
            name="idleLockMinutes"
            extra={t('settings.idleLockHelp')}
            rules={[{ required: true, type: 'integer', min: 1, max: 240, message: t('settings.validation.idleLock') }]}
          >
            <InputNumber
              min={1}
              max={240}
              precision={0}
              suffix={t('settings.minutes')}
              style={{ width: 160 }}
              data-testid="idle-lock-minutes"
            />
          </Form.Item>
          <Form.Item label={t('settings.camera')} name="cameraEnabled" valuePropName="checked" extra={t('settings.cameraHelp')}>
            <OnOffSwitch />
          </Form.Item>
          <Form.Item label={t('settings.office')} name="office" extra={t('settings.officeHelp')} rules={[{ max: 64 }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item
            label={t('settings.hubUrl')}
            name="hubUrl"
            extra={t('settings.hubUrlHelp')}
            rules={[
              {
                validator: (_r, v: string | undefined) =>
                  isHubUrl((v ?? '').trim()) ? Promise.resolve() : Promise.reject(new Error(t('settings.validation.hubUrl'))),
              },
            ]}
          >
            <Input placeholder="https://hub.example.org" spellCheck={false} inputMode="url" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={busy} data-testid="save-settings">
            {t('settings.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
