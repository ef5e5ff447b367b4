import { Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A switch with its state as a word beside it (not as faint text inside the track). */
export function OnOffSwitch({
  checked,
  onChange,
  id,
}: {
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const stateId = useId();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Switch id={id} checked={checked} onChange={onChange} aria-describedby={stateId} />
      <span id={stateId}>{checked ? t('settings.on') : t('settings.off')}</span>
    </span>
  );
}
