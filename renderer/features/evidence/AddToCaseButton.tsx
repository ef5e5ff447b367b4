import { FileAddOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { casesChannels } from '../../../preload/contract/channels/cases';
import { evidenceChannels } from '../../../preload/contract/channels/evidence';
import { useAllowed } from '../../app/useAllowed';
import { AddToCaseDialog, type SnapshotState } from './AddToCaseDialog';
import type { CapturedSnapshot } from './captureSnapshot';
import type { CaseContext } from './caseTarget';

export interface CaseButtonProps {
  /** Icon only (a wall tile's caption) or icon and words (a toolbar). */
  compact?: boolean;
  disabled?: boolean;
  /** For tests; also keeps the button findable when the label changes language. */
  testId?: string;
  /** The tooltip; a compact button also uses it as its accessible name. */
  hint?: string;
}

/**
 * "Add to case" for a camera: the click saves the frame at once (hashed and
 * audited), then the dialog picks the case (an open one, or a new one prefilled
 * from `context`). Absent for roles that may not save snapshots or add evidence.
 */
export function AddToCaseButton({
  capture,
  context,
  compact,
  disabled,
  testId,
  hint,
  ref,
}: CaseButtonProps & { capture(): Promise<CapturedSnapshot>; context: () => CaseContext; ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation('evidence');
  const allowed = useAllowed(
    evidenceChannels['cw:evidence.saveSnapshot'].access,
    evidenceChannels['cw:evidence.addSnapshot'].access,
    casesChannels['cw:cases.list'].access,
  );
  const [open, setOpen] = useState<{ snapshot: SnapshotState; context: CaseContext } | null>(null);
  if (!allowed) return null;

  const start = () => {
    // The context is read at the click: the dialog proposes what the screen showed then.
    setOpen({ snapshot: { state: 'capturing' }, context: context() });
    capture().then(
      (snapshot) => setOpen((current) => current && { ...current, snapshot: { state: 'ready', snapshot } }),
      (error: unknown) => setOpen((current) => current && { ...current, snapshot: { state: 'failed', error } }),
    );
  };
  const label = hint ?? t('button.addToCaseHint');
  return (
    <>
      <Tooltip title={label}>
        <Button
          ref={ref}
          size={compact ? 'small' : 'middle'}
          type={compact ? 'text' : 'default'}
          icon={<FileAddOutlined aria-hidden />}
          aria-label={compact ? label : undefined}
          data-testid={testId}
          disabled={disabled || open !== null}
          onClick={start}
        >
          {compact ? null : t('button.addToCase')}
        </Button>
      </Tooltip>
      {open ? <AddToCaseDialog snapshot={open.snapshot} context={open.context} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
