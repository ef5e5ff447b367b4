import { SafetyCertificateOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** antd has no perishable-goods icon: a small snowflake (cold chain), always shown with the word. */
function PerishableIcon() {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden focusable="false" className="anticon">
      <path
        fill="currentColor"
        d="M8 1l1.2 2.6L12 2.5l-1 2.8 2.9.9-2.5 1.6L13 10.2l-2.9-.3L9.4 13 8 10.6 6.6 13l-.7-3.1-2.9.3 1.6-2.4L2.1 6.2l2.9-.9-1-2.8 2.8 1.1z"
      />
    </svg>
  );
}

export function FlagIcons({ perishable, expedited }: { perishable: boolean; expedited: boolean }) {
  const { t } = useTranslation('queue');
  return (
    <span className="cw-flags">
      {perishable ? (
        <Tooltip title={t('flags.perishableHint')}>
          <span className="cw-flag cw-flag-perishable" aria-label={t('flags.perishable')} role="img">
            <PerishableIcon />
            <span className="cw-flag-word">{t('flags.perishableShort')}</span>
          </span>
        </Tooltip>
      ) : null}
      {expedited ? (
        <Tooltip title={t('flags.expeditedHint')}>
          <span className="cw-flag cw-flag-expedited" aria-label={t('flags.expedited')} role="img">
            <ThunderboltOutlined aria-hidden />
            <span className="cw-flag-word">{t('flags.expeditedShort')}</span>
          </span>
        </Tooltip>
      ) : null}
    </span>
  );
}

export function AeoMark({ aeo }: { aeo: boolean }) {
  const { t } = useTranslation('queue');
  if (!aeo) return <span className="cw-muted">–</span>;
  return (
    <Tooltip title={t('flags.aeoHint')}>
      <span className="cw-flag cw-flag-aeo" role="img" aria-label={t('flags.aeo')}>
        <SafetyCertificateOutlined aria-hidden />
        <span className="cw-flag-word">AEO</span>
      </span>
    </Tooltip>
  );
}
