import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStatus } from '../../../preload/schemas/cases';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { useCaseAction } from './useCaseAction';

/** The workflow steps offered from each status (the service checks them again). */
const NEXT: Record<CaseStatus, CaseStatus[]> = {
  open: ['under_inspection'],
  under_inspection: ['pending_decision', 'open'],
  pending_decision: ['closed', 'under_inspection'],
  closed: ['open'],
};

/** Buttons moving the case along its workflow; only a supervisor is offered to reopen a closed case. */
export function CaseStatusActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  const role = useSession((s) => s.session.user?.role);
  const reopening = detail.status === 'closed';
  if (reopening && role !== 'supervisor') return null;
  return (
    <>
      {NEXT[detail.status].map((status) => (
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
