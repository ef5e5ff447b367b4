import { Form, Input, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Seizure } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { CaseAddForm } from './CaseAddForm';
import { isReadOnly } from './caseReadOnly';
import { useCaseAction } from './useCaseAction';

const UNITS: Seizure['unit'][] = ['pcs', 'kg', 'g', 'l', 'm3', 'cartons', 'pallets', 'containers'];

interface SeizureValues {
  item: string;
  quantity: number;
  unit: Seizure['unit'];
  amount: number;
  currency: string;
  location: string;
}

/** Goods seized: item, quantity with unit, value with currency, where they are held; and a line to record one. */
export function CaseSeizures({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  return (
    <div data-testid="case-seizures">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.seizures}
        locale={{ emptyText: t('empty.seizures') }}
        columns={[
          { title: t('seizure.item'), dataIndex: 'item' },
          {
            title: t('seizure.quantity'),
            align: 'right',
            render: (_, s) => <span className="cw-num">{`${s.quantity} ${s.unit}`}</span>,
          },
          {
            title: t('seizure.value'),
            align: 'right',
            render: (_, s) => <span className="cw-num">{`${s.value.amount.toFixed(2)} ${s.value.currency}`}</span>,
          },
          { title: t('seizure.location'), dataIndex: 'location' },
        ]}
      />
      <CaseAddForm<SeizureValues>
        hidden={isReadOnly(detail)}
        initialValues={{ unit: 'pcs', currency: 'CNY' }}
        onAdd={(v) =>
          act(
            () =>
              clearway().invoke('cw:cases.addSeizure', {
                caseId: detail.id,
                item: v.item,
                quantity: v.quantity,
                unit: v.unit,
                value: { amount: v.amount, currency: v.currency.toUpperCase() },
                location: v.location,
              }),
            t('seizure.failed'),
          )
        }
      >
        <Form.Item name="item" rules={[{ required: true, whitespace: true, message: t('seizure.required') }]}>
          <Input aria-label={t('seizure.item')} placeholder={t('seizure.item')} maxLength={200} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="quantity" rules={[{ required: true, message: t('seizure.required') }]}>
          <InputNumber aria-label={t('seizure.quantity')} placeholder={t('seizure.quantity')} min={0.001} />
        </Form.Item>
        <Form.Item name="unit">
          <Select aria-label={t('seizure.unit')} style={{ width: 100 }} options={UNITS.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: t('seizure.required') }]}>
          <InputNumber aria-label={t('seizure.value')} placeholder={t('seizure.value')} min={0} />
        </Form.Item>
        <Form.Item name="currency">
          <Input aria-label={t('seizure.currency')} style={{ width: 64 }} maxLength={3} />
        </Form.Item>
        <Form.Item name="location" rules={[{ required: true, whitespace: true, message: t('seizure.required') }]}>
          <Input aria-label={t('seizure.location')} placeholder={t('seizure.location')} maxLength={200} style={{ width: 140 }} />
        </Form.Item>
      </CaseAddForm>
    </div>
  );
}
