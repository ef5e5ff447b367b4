import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settingsStore';
import { FormError } from '../auth/FormError';
import { HandoverCard } from './HandoverCard';
import { useShifts } from './shiftStore';

interface StartValues {
  office: string;
  acknowledged: boolean;
  notes?: string;
}

/** Start a shift: office, and the previous handover read and acknowledged. */
export function StartShiftForm() {
  const { t } = useTranslation();
  const office = useSettings((s) => s.settings.office);
  const lastHandover = useShifts((s) => s.lastHandover);
  const start = useShifts((s) => s.start);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hasNotes = Boolean(lastHandover?.handoverNotes);

  async function submit(values: StartValues) {
    setBusy(true);
    setError(null);
    try {
      await start(values.office.trim(), values.notes?.trim() || undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('shift.startTitle')} data-testid="start-shift">
      <FormError error={error} title={t('shift.startFailed')} />
      {lastHandover && hasNotes ? (
        <HandoverCard shift={lastHandover} />
      ) : (
        <Alert type="info" showIcon title={t('shift.noHandover')} />
      )}
      <Form<StartValues>
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={busy}
        initialValues={{ office, acknowledged: false }}
        style={{ marginTop: 12 }}
      >
        <Form.Item
          label={t('shift.office')}
          name="office"
          rules={[{ required: true, whitespace: true, message: t('shift.validation.officeRequired') }, { max: 64 }]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        {hasNotes ? (
          <Form.Item
            name="acknowledged"
            valuePropName="checked"
            rules={[
              {
                validator: (_r, v: boolean) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('shift.validation.acknowledge'))),
              },
            ]}
          >
            <Checkbox data-testid="acknowledge-handover">{t('shift.acknowledge')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item label={t('shift.startNotes')} name="notes" extra={t('shift.startNotesHelp')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined aria-hidden />} loading={busy}>
          {t('shift.start')}
        </Button>
      </Form>
    </Card>
  );
}
