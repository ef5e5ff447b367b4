import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, SubjectKind } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';

const KINDS: SubjectKind[] = ['declaration', 'vehicle', 'container', 'person'];

/** Opens a case by hand (other screens open cases through cw:cases.open with their references). */
export function NewCaseDialog({
  open,
  onClose,
  onOpened,
}: {
  open: boolean;
  onClose: () => void;
  onOpened: (c: CaseDetail) => void;
}) {
  const { t } = useTranslation('cases');
  const [form] = Form.useForm<{ title: string; kind: SubjectKind; ref: string }>();
  return (
    <Modal
      open={open}
      title={t('new.title')}
      okText={t('new.open')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        const opened = await clearway().invoke('cw:cases.open', {
          origin: { kind: 'manual' },
          title: values.title,
          subject: { kind: values.kind, ref: values.ref },
        });
        form.resetFields();
        onOpened(opened);
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'container' }}>
        <Form.Item name="title" label={t('new.caseTitle')} rules={[{ required: true, message: t('new.titleRequired') }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('subject.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`subject.${k}`) }))} />
        </Form.Item>
        <Form.Item name="ref" label={t('subject.ref')} rules={[{ required: true, message: t('new.refRequired') }]}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
