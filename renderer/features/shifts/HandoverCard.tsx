import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../preload/contract/schemas/shifts';
import { formatDateTime } from './format';

/** The previous shift's handover notes, as the next officer reads them. */
export function HandoverCard({ shift }: { shift: Shift }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      title={t('shift.handoverFrom', { name: shift.userDisplayName, office: shift.office })}
      data-testid="last-handover"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('shift.endedAt', { at: shift.endedAt ? formatDateTime(shift.endedAt, i18n.language) : '—' })}
      </Typography.Paragraph>
      <blockquote
        className="cw-notes"
        style={{ margin: 0, paddingInlineStart: 12, borderInlineStart: '3px solid var(--cw-border)' }}
      >
        {shift.handoverNotes}
      </blockquote>
    </Card>
  );
}
