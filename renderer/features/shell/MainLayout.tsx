import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLook } from '../../app/useLook';
import { useSettings } from '../../app/settingsStore';
import { ApprovalsScreen } from '../approvals/ApprovalsScreen';
import { CasesScreen } from '../cases/CasesScreen';
import { GateScreen } from '../gate/GateScreen';
import { QueueScreen } from '../queue/QueueScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ShiftScreen } from '../shifts/ShiftScreen';
import { NavRail } from './NavRail';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { ScreenLoading } from './ScreenLoading';
import { Notices } from './Notices';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';
import { DemoBanner } from './DemoBanner';
import { TrainingBanner } from './TrainingBanner';
import type { Screen } from './navItems';
import { useNav } from './navStore';
import { useActivityReporter } from './useActivityReporter';
import { useShortcuts } from './useShortcuts';

// three.js and hls.js are a third of the renderer's code: they load when the port is first opened.
const PortScreen = lazy(async () => ({ default: (await import('../port/PortScreen')).PortScreen }));

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'queue':
      return <QueueScreen />;
    case 'port':
      return <PortScreen />;
    case 'gate':
      return <GateScreen />;
    case 'cases':
      return <CasesScreen />;
    case 'shift':
      return <ShiftScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The signed-in window: nav rail, work area, status bar. */
export function MainLayout() {
  const { t } = useTranslation();
  const screen = useNav((s) => s.screen);
  const { setTheme } = useLook();
  const toggleTheme = useCallback(() => {
    setTheme(useSettings.getState().settings.theme === 'dark' ? 'light' : 'dark');
  }, [setTheme]);
  useShortcuts(toggleTheme);
  useActivityReporter();

  // Moving to another screen puts focus on its work area, so keyboard users start there.
  const work = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    work.current?.focus({ preventScroll: true });
  }, [screen]);

  useEffect(() => {
    document.title = `${t(`nav.${screen}`)} · Clearway`;
  }, [screen, t]);

  return (
    <div className="cw-shell">
      <div className="cw-banner">
        <TrainingBanner />
        <DemoBanner />
        <Notices />
      </div>
      <NavRail />
      <main className="cw-work" ref={work} tabIndex={-1} aria-label={t(`nav.${screen}`)} data-screen={screen}>
        <ScreenErrorBoundary key={screen}>
          <Suspense fallback={<ScreenLoading />}>
            <ScreenView screen={screen} />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
