import { useEffect } from 'react';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { SetupScreen } from '../features/auth/SetupScreen';
import { viewWindowFromHash } from '../features/port/openViewWindow';
import { ViewWindow } from '../features/port/ViewWindow';
import { MainLayout } from '../features/shell/MainLayout';
import { gateOf, useSession } from './sessionStore';
import { useSettings } from './settingsStore';
import { useServiceEvents } from './useServiceEvents';

export function App() {
  useServiceEvents();
  const gate = useSession((s) => gateOf(s.session));

  // A language or theme picked before sign-in is saved once someone is signed in.
  useEffect(() => {
    if (gate === 'app') void useSettings.getState().flushUnsaved().catch(() => undefined);
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
      return windowView ? <ViewWindow view={windowView} /> : <MainLayout />;
    }
  }
}
