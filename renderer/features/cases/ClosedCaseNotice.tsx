import { LockOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';

/** The calm line over a closed case: who closed it and when, that it is read-only, and how it opens again. */
export function ClosedCaseNotice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const at = detail.closedAt ? new Date(detail.closedAt).toLocaleString() : '—';
  // The closer is a field of the case (synced); cases closed before it was recorded may not know it.
  const who = detail.closedBy ? t('closed.byWhom', { at, name: detail.closedBy.name }) : t('closed.byUnknown', { at });
  return (
    <Alert
      data-testid="case-closed-notice"
      type="info"
      showIcon
      icon={<LockOutlined aria-hidden />}
      title={t('closed.title')}
      description={
        <>
          <span className="cw-num">{who}</span> {t('closed.reopen')}
        </>
      }
    />
  );
}
