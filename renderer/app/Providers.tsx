import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import type { ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { changeLocale } from '../i18n';
import { useSession } from './sessionStore';
import { useSettings } from './settingsStore';

const fontFamily =
  "Inter, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Calm, dense tokens; the training accent is distinct so training can never pass for live work. */
function themeConfig(dark: boolean, training: boolean, motion: boolean): ThemeConfig {
  return {
    algorithm: dark
      ? [antTheme.darkAlgorithm, antTheme.compactAlgorithm]
      : [antTheme.defaultAlgorithm, antTheme.compactAlgorithm],
    token: {
      motion,
      fontFamily,
      fontSize: 13,
      borderRadius: 4,
      colorPrimary: training ? '#9254de' : dark ? '#3c89e8' : '#0958d9',
      colorBgLayout: dark ? '#0f1115' : '#f3f4f6',
      colorBgContainer: dark ? '#161a20' : '#ffffff',
      colorBgElevated: dark ? '#1d222a' : '#ffffff',
      // antd's tertiary text (labels, hints) is too faint for WCAG AA on these surfaces.
      colorTextTertiary: dark ? 'rgba(255,255,255,0.62)' : 'rgba(0,0,0,0.62)',
      colorTextDescription: dark ? 'rgba(255,255,255,0.65)' : 'rgba(0,0,0,0.65)',
      // Hint text inside empty inputs names the field in dense toolbars: 0.5 black is 3.9:1 on white (under AA), 0.62 is 6:1 on white and on #f3f4f6.
      colorTextPlaceholder: dark ? 'rgba(255,255,255,0.5)' : 'rgba(0,0,0,0.62)',
      motionDurationMid: '0.12s',
      motionDurationSlow: '0.16s',
      colorLink: dark ? '#69b1ff' : '#0958d9',
    },
    components: {
      // Selected tabs read as text: keep them at AA contrast on the page background.
      Tabs: {
        itemSelectedColor: training ? (dark ? '#c69cfa' : '#531dab') : dark ? '#69b1ff' : '#0958d9',
        itemHoverColor: dark ? '#8dc5ff' : '#003eb3',
        itemActiveColor: dark ? '#8dc5ff' : '#003eb3',
      },
    },
  };
}

/** False when the system asks for reduced motion: antd's transitions are then switched off. */
function useMotion(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia('(prefers-reduced-motion: reduce)');
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const locale = useSettings((s) => s.settings.locale);
  const themeName = useSettings((s) => s.settings.theme);
  const training = useSession((s) => s.session.mode === 'training');
  const dark = themeName === 'dark';

  useEffect(() => {
    void changeLocale(locale);
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  useEffect(() => {
    document.documentElement.dataset.theme = themeName;
  }, [themeName]);

  const motion = useMotion();
  const config = useMemo(() => themeConfig(dark, training, motion), [dark, training, motion]);

  return (
    <ConfigProvider theme={config} locale={locale === 'zh-CN' ? zhCN : enUS}>
      <AntApp className="cw-app">{children}</AntApp>
    </ConfigProvider>
  );
}
