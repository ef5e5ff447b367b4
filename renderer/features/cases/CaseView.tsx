import { FilePdfOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, List, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStatus } from '../../../preload/schemas/cases';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { AssigneeSelect } from './AssigneeSelect';
import { CaseLinks } from './CaseLinks';
import { CaseTasks } from './CaseTasks';
import { EvidenceGrid } from './EvidenceGrid';
import { readChunks } from './fileTransfer';
import { useCases } from './casesStore';
import { StatusTag } from './StatusTag';

const NEXT: Record<CaseStatus, CaseStatus[]> = {
  open: ['under_inspection'],
  under_inspection: ['pending_decision', 'open'],
  pending_decision: ['closed', 'under_inspection'],
  closed: ['open'],
};

export function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const notify = useErrorNotifier();
  const apply = useCases((s) => s.apply);
  const [exporting, setExporting] = useState(false);
  const run = async (call: () => Promise<CaseDetail>, what: string) => {
    try {
      apply(await call());
    } catch (error) {
      notify(error, what);
    }
  };
  const broken = detail.evidence.filter((e) => e.verify.state !== 'ok');

  const exportPdf = async () => {
    setExporting(true);
    try {
      const report = await clearway().invoke('cw:cases.exportReport', { caseId: detail.id });
      const blob = await readChunks((offset) => clearway().invoke('cw:cases.readReport', { fileName: report.fileName, offset }));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = report.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      apply(await clearway().invoke('cw:cases.get', { id: detail.id }));
    } catch (error) {
      notify(error, t('report.failed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="case-view" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {broken.length > 0 ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningFilled />}
          role="alert"
          title={t('evidence.mismatchTitle', { count: broken.length })}
          description={broken.map((e) => `${e.fileName}: ${t(`evidence.${e.verify.state}`)} (${e.sha256.slice(0, 16)}… → ${e.verify.found?.slice(0, 16) ?? '—'}…)`).join('; ')}
        />
      ) : null}
      <Card
        size="small"
        title={
          <Space>
            <span className="cw-num">{detail.ref}</span>
            <span>{detail.title}</span>
            <StatusTag status={detail.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {NEXT[detail.status].map((status) => (
              <Button
                key={status}
                size="small"
                onClick={() => {
                  const reason = detail.status === 'closed' ? window.prompt(t('status.reopenReason')) ?? undefined : undefined;
                  void run(() => clearway().invoke('cw:cases.setStatus', { id: detail.id, status, reason }), t('status.failed'));
                }}
              >
                {t(`status.to.${status}`)}
              </Button>
            ))}
            <Button size="small" icon={<FilePdfOutlined />} loading={exporting} onClick={() => void exportPdf()}>
              {t('report.export')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('subject.kind')}>{t(`subject.${detail.subject.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('subject.ref')}>{detail.subject.ref}</Descriptions.Item>
          <Descriptions.Item label={t('field.assignee')}>
            <AssigneeSelect detail={detail} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.opened')}>
            {new Date(detail.openedAt).toLocaleString()} · {detail.openedBy.name}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('section.evidence')}>
        <EvidenceGrid detail={detail} onAdded={() => void run(() => clearway().invoke('cw:cases.get', { id: detail.id }), t('evidence.addFailed'))} />
      </Card>

      <Card size="small" title={t('section.findings')}>
        <List size="small" dataSource={detail.findings} locale={{ emptyText: <span style={{ color: 'var(--ant-color-text)' }}>{t('empty.findings')}</span> }} renderItem={(f) => <List.Item>{`[${t(`finding.${f.category}`)}] ${f.text} — ${f.by.name}`}</List.Item>} />
        <Form
          layout="inline"
          onFinish={(v: { category: 'undeclared'; text: string }) => void run(() => clearway().invoke('cw:cases.addFinding', { caseId: detail.id, ...v }), t('finding.failed'))}
          initialValues={{ category: 'undeclared' }}
        >
          <Form.Item name="category">
            <Select aria-label={t('finding.category')} style={{ width: 150 }} options={['undeclared', 'misdeclared', 'prohibited', 'restricted', 'document', 'other'].map((c) => ({ value: c, label: t(`finding.${c}`) }))} />
          </Form.Item>
          <Form.Item name="text" rules={[{ required: true, message: t('finding.textRequired') }]}>
            <Input aria-label={t('finding.text')} placeholder={t('finding.text')} style={{ width: 320 }} />
          </Form.Item>
          <Button htmlType="submit" size="small">
            {t('common.add')}
          </Button>
        </Form>
      </Card>

      <Card size="small" title={t('section.seizures')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.seizures}
          locale={{ emptyText: t('empty.seizures') }}
          columns={[
            { title: t('seizure.item'), dataIndex: 'item' },
            { title: t('seizure.quantity'), align: 'right', render: (_, s) => <span className="cw-num">{`${s.quantity} ${s.unit}`}</span> },
            { title: t('seizure.value'), align: 'right', render: (_, s) => <span className="cw-num">{`${s.value.amount.toFixed(2)} ${s.value.currency}`}</span> },
            { title: t('seizure.location'), dataIndex: 'location' },
          ]}
        />
        <Form
          layout="inline"
          style={{ marginTop: 8 }}
          initialValues={{ unit: 'pcs', currency: 'CNY' }}
          onFinish={(v: { item: string; quantity: number; unit: 'pcs'; amount: number; currency: string; location: string }) =>
            void run(
              () => clearway().invoke('cw:cases.addSeizure', { caseId: detail.id, item: v.item, quantity: v.quantity, unit: v.unit, value: { amount: v.amount, currency: v.currency.toUpperCase() }, location: v.location }),
              t('seizure.failed'),
            )
          }
        >
          <Form.Item name="item" rules={[{ required: true, message: t('seizure.required') }]}>
            <Input aria-label={t('seizure.item')} placeholder={t('seizure.item')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="quantity" rules={[{ required: true, message: t('seizure.required') }]}>
            <InputNumber aria-label={t('seizure.quantity')} placeholder={t('seizure.quantity')} min={0.001} />
          </Form.Item>
          <Form.Item name="unit">
            <Select aria-label={t('seizure.unit')} style={{ width: 100 }} options={['pcs', 'kg', 'g', 'l', 'm3', 'cartons', 'pallets', 'containers'].map((u) => ({ value: u, label: u }))} />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: t('seizure.required') }]}>
            <InputNumber aria-label={t('seizure.value')} placeholder={t('seizure.value')} min={0} />
          </Form.Item>
          <Form.Item name="currency">
            <Input aria-label={t('seizure.currency')} style={{ width: 64 }} maxLength={3} />
          </Form.Item>
          <Form.Item name="location" rules={[{ required: true, message: t('seizure.required') }]}>
            <Input aria-label={t('seizure.location')} placeholder={t('seizure.location')} style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" size="small">
            {t('common.add')}
          </Button>
        </Form>
      </Card>

      <Card size="small" title={t('section.tasks')}>
        <CaseTasks detail={detail} />
      </Card>

      <Card size="small" title={t('section.custody')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.custody}
          locale={{ emptyText: t('empty.custody') }}
          columns={[
            { title: t('custody.at'), render: (_, k) => <span className="cw-num">{new Date(k.at).toLocaleString()}</span> },
            { title: t('custody.action'), render: (_, k) => <Tag>{t(`custody.${k.action}`)}</Tag> },
            { title: t('custody.item'), render: (_, k) => detail.evidence.find((e) => e.id === k.evidenceId)?.fileName ?? k.evidenceId },
            { title: t('custody.by'), render: (_, k) => k.by.name },
            { title: t('custody.reason'), render: (_, k) => (k.to ? `${k.reason} → ${k.to}` : k.reason) },
          ]}
        />
      </Card>

      <Card size="small" title={t('section.links')}>
        <CaseLinks detail={detail} />
      </Card>

      <Card size="small" title={t('section.notes')}>
        <List size="small" dataSource={detail.notes} locale={{ emptyText: <span style={{ color: 'var(--ant-color-text)' }}>{t('empty.notes')}</span> }} renderItem={(n) => <List.Item>{`${n.text} — ${n.by.name}`}</List.Item>} />
        <Form layout="inline" onFinish={(v: { text: string }) => void run(() => clearway().invoke('cw:cases.addNote', { caseId: detail.id, text: v.text }), t('note.failed'))}>
          <Form.Item name="text" rules={[{ required: true, message: t('note.required') }]}>
            <Input aria-label={t('note.text')} placeholder={t('note.text')} style={{ width: 420 }} />
          </Form.Item>
          <Button htmlType="submit" size="small">
            {t('common.add')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
