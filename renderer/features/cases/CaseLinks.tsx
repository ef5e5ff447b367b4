import { LinkOutlined } from '@ant-design/icons';
import { Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseLink } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { CaseAddForm } from './CaseAddForm';
import { CaseItemList } from './CaseItemList';
import { isReadOnly } from './caseReadOnly';
import { useCaseAction } from './useCaseAction';

const KINDS: CaseLink['kind'][] = ['declaration', 'case', 'gate-event', 'panorama-marker', 'external'];

/** What the case is linked to: declarations, other cases, gate events, panorama markers, outside references. */
export function CaseLinks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  return (
    <div data-testid="case-links">
      <CaseItemList
        items={detail.links}
        empty={t('empty.links')}
        itemTestId="case-link"
        renderItem={(link) => (
          <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Tag icon={<LinkOutlined />} style={{ marginInlineEnd: 0 }}>
              {t(`link.${link.kind}`)}
            </Tag>
            <span className="cw-num">{link.ref}</span>
            {link.label ? <span>{link.label}</span> : null}
          </span>
        )}
      />
      <CaseAddForm<{ kind: CaseLink['kind']; ref: string; label?: string }>
        hidden={isReadOnly(detail)}
        initialValues={{ kind: 'declaration' }}
        onAdd={(v) => {
          const label = v.label?.trim() ? v.label.trim() : undefined;
          return act(
            () => clearway().invoke('cw:cases.addLink', { caseId: detail.id, kind: v.kind, ref: v.ref, label }),
            t('link.failed'),
          );
        }}
      >
        <Form.Item name="kind">
          <Select
            aria-label={t('link.kind')}
            style={{ width: 150 }}
            options={KINDS.map((k) => ({ value: k, label: t(`link.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="ref" rules={[{ required: true, whitespace: true, message: t('link.required') }]}>
          <Input aria-label={t('link.ref')} placeholder={t('link.ref')} maxLength={200} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="label">
          <Input aria-label={t('link.label')} placeholder={t('link.label')} maxLength={200} style={{ width: 180 }} />
        </Form.Item>
      </CaseAddForm>
    </div>
  );
}
