import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../preload/contract/schemas/common';
import { useLook } from '../../app/useLook';
import { useSettings } from '../../app/settingsStore';

/** Language names are written in their own language so anyone can find theirs. */
export const localeOptions: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useSettings((s) => s.settings.locale);
  const { setLocale } = useLook();
  return (
    <Select<Locale>
      aria-label={t('settings.language')}
      data-testid="language-switch"
      size="small"
      variant={compact ? 'borderless' : 'outlined'}
      prefix={<GlobalOutlined aria-hidden />}
      value={locale}
      options={localeOptions}
      onChange={setLocale}
      popupMatchSelectWidth={false}
      style={{ minWidth: 120 }}
    />
  );
}
