import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEXT_CASE_STATUSES, type CaseDetail } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { useCaseAction } from './useCaseAction';

/** Buttons for the workflow steps from the case's status (the service checks them again); only a supervisor is offered to reopen a closed case. */
export function CaseStatusActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  const role = useSession((s) => s.session.user?.role);
  const reopening = detail.status === 'closed';
  if (reopening && role !== 'supervisor') return null;
  return (
    <>
      {NEXT_CASE_STATUSES[detail.status].map((status) => (
        <Button
          key={status}
          size="small"
          onClick={() => {
            const reason = reopening ? (window.prompt(t('status.reopenReason')) ?? undefined) : undefined;
            void act(() => clearway().invoke('cw:cases.setStatus', { id: detail.id, status, reason }), t('status.failed'));
          }}
        >
          {t(`status.to.${status}`)}
        </Button>
      ))}
    </>
  );
}
