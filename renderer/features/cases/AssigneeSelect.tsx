import { UserOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { isReadOnly } from './caseReadOnly';
import { useCases } from './casesStore';
import { useCaseAction } from './useCaseAction';

/** Assigns the case to an officer, inspector or supervisor of this workstation, or clears the assignee. */
export function AssigneeSelect({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const assignees = useCases((s) => s.assignees);
  const act = useCaseAction();
  if (isReadOnly(detail)) {
    // A closed case keeps its assignee: shown as text, not as a control.
    return (
      <span data-testid="case-assignee">
        <UserOutlined aria-hidden /> {detail.assignee?.name ?? t('field.unassigned')}
      </span>
    );
  }
  const known = assignees.some((a) => a.id === detail.assignee?.id);
  // A case synced from another workstation may name someone without an account here: still show who it is.
  const options = [
    { value: '', label: t('field.unassigned') },
    ...(detail.assignee && !known ? [{ value: detail.assignee.id, label: detail.assignee.name }] : []),
    ...assignees.map((a) => ({ value: a.id, label: `${a.name} · ${t(`role.${a.role}`, { defaultValue: a.role })}` })),
  ];
  return (
    <Select
      size="small"
      data-testid="case-assignee"
      aria-label={t('field.assignee')}
      suffixIcon={<UserOutlined aria-hidden />}
      style={{ minWidth: 200 }}
      value={detail.assignee?.id ?? ''}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(id: string) =>
        void act(() => clearway().invoke('cw:cases.update', { id: detail.id, assigneeId: id || null }), t('field.assignFailed'))
      }
    />
  );
}
