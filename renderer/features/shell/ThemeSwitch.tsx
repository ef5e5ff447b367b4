import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLook } from '../../app/useLook';
import { useSettings } from '../../app/settingsStore';

/** One button: shows the current theme by icon and word, switches to the other. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useSettings((s) => s.settings.theme);
  const { setTheme } = useLook();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip title={t('shell.switchTheme', { theme: t(`settings.themes.${next}`) })}>
      <Button
        size="small"
        type="text"
        data-testid="theme-switch"
        icon={theme === 'dark' ? <MoonOutlined aria-hidden /> : <SunOutlined aria-hidden />}
        aria-label={t('shell.switchTheme', { theme: t(`settings.themes.${next}`) })}
        onClick={() => setTheme(next)}
      >
        {t(`settings.themes.${theme}`)}
      </Button>
    </Tooltip>
  );
}
