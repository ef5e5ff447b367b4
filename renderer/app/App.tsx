import { lazy, Suspense, useEffect } from 'react';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { SetupScreen } from '../features/auth/SetupScreen';
import { viewWindowFromHash } from '../features/port/openViewWindow';
import { MainLayout } from '../features/shell/MainLayout';
import { ScreenLoading } from '../features/shell/ScreenLoading';
import { gateOf, useSession } from './sessionStore';
import { useSettings } from './settingsStore';
import { useServiceEvents } from './useServiceEvents';

// The port view's code (three.js, hls.js) loads only where it is shown.
const ViewWindow = lazy(async () => ({ default: (await import('../features/port/ViewWindow')).ViewWindow }));

export function App() {
  useServiceEvents();
  const gate = useSession((s) => gateOf(s.session));

  // A language or theme picked before sign-in is saved once someone is signed in.
  useEffect(() => {
    if (gate === 'app')
      void useSettings
        .getState()
        .flushUnsaved()
        .catch(() => undefined);
  }, [gate]);

  switch (gate) {
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'app': {
      // A second window (port view or camera wall on another monitor) has no shell around it.
      const windowView = viewWindowFromHash(window.location.hash);
      if (!windowView) return <MainLayout />;
      return (
        <Suspense fallback={<ScreenLoading />}>
          <ViewWindow view={windowView} />
        </Suspense>
      );
    }
  }
}
