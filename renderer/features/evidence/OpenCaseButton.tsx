import { FolderAddOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesChannels } from '../../../preload/contract/channels/cases';
import { useAllowed } from '../../app/useAllowed';
import type { CaseButtonProps } from './AddToCaseButton';
import { AddToCaseDialog } from './AddToCaseDialog';
import type { CaseContext } from './caseTarget';

/** "Open case" from a screen's record (a gate event, a declaration): a new case, prefilled and linked to it. */
export function OpenCaseButton({ context, compact, disabled, testId, hint }: CaseButtonProps & { context: () => CaseContext }) {
  const { t } = useTranslation('evidence');
  const allowed = useAllowed(casesChannels['cw:cases.open'].access);
  const [open, setOpen] = useState<CaseContext | null>(null);
  if (!allowed) return null;
  const label = hint ?? t('button.openCaseHint');
  return (
    <>
      <Tooltip title={label}>
        <Button
          size="small"
          type={compact ? 'text' : 'default'}
          icon={<FolderAddOutlined aria-hidden />}
          aria-label={compact ? label : undefined}
          data-testid={testId}
          disabled={disabled}
          onClick={() => setOpen(context())}
        >
          {compact ? null : t('button.openCase')}
        </Button>
      </Tooltip>
      {open ? <AddToCaseDialog snapshot={null} context={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
