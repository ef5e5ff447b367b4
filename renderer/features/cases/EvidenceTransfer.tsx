import { SwapOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../preload/contract/schemas/evidence';
import { clearway } from '../../app/clearway';
import { useCaseAction } from './useCaseAction';

/** Hands an evidence item to a person or place (a lab, the bonded store): a "transferred" custody entry, audited. */
export function EvidenceTransfer({ caseId, item }: { caseId: string; item: EvidenceItem }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ to: string; reason: string }>();
  // The modal's content is destroyed when hidden, so each transfer starts with an empty form.
  const close = () => setOpen(false);
  return (
    <>
      <Button
        size="small"
        icon={<SwapOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={t('transfer.buttonFor', { name: item.fileName })}
      >
        {t('transfer.button')}
      </Button>
      <Modal
        open={open}
        title={t('transfer.title', { name: item.fileName })}
        okText={t('transfer.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onCancel={close}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p style={{ marginTop: 0 }}>{t('transfer.explain')}</p>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            setBusy(true);
            const ok = await act(
              () => clearway().invoke('cw:evidence.transfer', { caseId, evidenceId: item.id, to: v.to, reason: v.reason }),
              t('transfer.failed'),
            );
            setBusy(false);
            if (ok) close();
          }}
        >
          <Form.Item
            name="to"
            label={t('transfer.to')}
            rules={[{ required: true, whitespace: true, message: t('transfer.toRequired') }]}
          >
            <Input maxLength={200} autoFocus />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('transfer.reason')}
            rules={[{ required: true, whitespace: true, message: t('transfer.reasonRequired') }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
