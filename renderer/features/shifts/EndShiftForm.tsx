import { StopOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../preload/contract/schemas/shifts';
import { FormError } from '../auth/FormError';
import { formatDateTime, formatDuration } from './format';
import { useShifts } from './shiftStore';

/** The running shift, and ending it with handover notes for the next officer (required). */
export function EndShiftForm({ shift }: { shift: Shift }) {
  const { t, i18n } = useTranslation();
  const end = useShifts((s) => s.end);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit({ handoverNotes }: { handoverNotes: string }) {
    setBusy(true);
    setError(null);
    try {
      await end(handoverNotes.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('shift.currentTitle')} data-testid="current-shift">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('shift.office')}>{shift.office}</Descriptions.Item>
        <Descriptions.Item label={t('shift.started')}>{formatDateTime(shift.startedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('shift.duration')}>
          <span className="cw-num">{formatDuration(shift.startedAt, null)}</span>
        </Descriptions.Item>
        {shift.startNotes ? (
          <Descriptions.Item label={t('shift.startNotes')}>
            <span className="cw-notes">{shift.startNotes}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <FormError error={error} title={t('shift.endFailed')} />
      <Form<{ handoverNotes: string }> layout="vertical" requiredMark="optional" onFinish={submit} disabled={busy}>
        <Form.Item
          label={t('shift.handoverNotes')}
          name="handoverNotes"
          extra={t('shift.handoverHelp')}
          rules={[{ required: true, whitespace: true, message: t('shift.validation.handoverRequired') }, { max: 4000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="handover-notes" />
        </Form.Item>
        <Button danger htmlType="submit" icon={<StopOutlined aria-hidden />} loading={busy}>
          {t('shift.end')}
        </Button>
      </Form>
    </Card>
  );
}
