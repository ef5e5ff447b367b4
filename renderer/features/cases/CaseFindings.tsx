import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Finding } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { CaseAddForm } from './CaseAddForm';
import { CaseItemList } from './CaseItemList';
import { isReadOnly } from './caseReadOnly';
import { useCaseAction } from './useCaseAction';

const CATEGORIES: Finding['category'][] = ['undeclared', 'misdeclared', 'prohibited', 'restricted', 'document', 'other'];

/** What the inspection found, each under a category, and a line to add one. */
export function CaseFindings({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  return (
    <div data-testid="case-findings">
      <CaseItemList
        items={detail.findings}
        empty={t('empty.findings')}
        renderItem={(f) => `[${t(`finding.${f.category}`)}] ${f.text} — ${f.by.name}`}
      />
      <CaseAddForm<{ category: Finding['category']; text: string }>
        hidden={isReadOnly(detail)}
        initialValues={{ category: 'undeclared' }}
        onAdd={(v) => act(() => clearway().invoke('cw:cases.addFinding', { caseId: detail.id, ...v }), t('finding.failed'))}
      >
        <Form.Item name="category">
          <Select
            aria-label={t('finding.category')}
            style={{ width: 150 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`finding.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('finding.textRequired') }]}>
          <Input aria-label={t('finding.text')} placeholder={t('finding.text')} maxLength={2000} style={{ width: 320 }} />
        </Form.Item>
      </CaseAddForm>
    </div>
  );
}
