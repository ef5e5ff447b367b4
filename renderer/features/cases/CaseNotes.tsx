import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { CaseAddForm } from './CaseAddForm';
import { CaseItemList } from './CaseItemList';
import { isReadOnly } from './caseReadOnly';
import { useCaseAction } from './useCaseAction';

/** Free-text notes on the case, signed by who wrote them, and a line to add one. */
export function CaseNotes({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  return (
    <div data-testid="case-notes">
      <CaseItemList items={detail.notes} empty={t('empty.notes')} renderItem={(n) => `${n.text} — ${n.by.name}`} />
      <CaseAddForm<{ text: string }>
        hidden={isReadOnly(detail)}
        onAdd={(v) => act(() => clearway().invoke('cw:cases.addNote', { caseId: detail.id, text: v.text }), t('note.failed'))}
      >
        <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('note.required') }]}>
          <Input aria-label={t('note.text')} placeholder={t('note.text')} maxLength={4000} style={{ width: 420 }} />
        </Form.Item>
      </CaseAddForm>
    </div>
  );
}
