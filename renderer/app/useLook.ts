import { useCallback } from 'react';
import type { Locale, Theme } from '../../preload/contract/schemas/common';
import { gateOf, useSession } from './sessionStore';
import { useSettings } from './settingsStore';
import { useErrorNotifier } from './useErrorNotifier';

/**
 * Language and theme changes: saved through `cw:settings.update` when someone is
 * signed in, applied locally (and saved at the next sign-in) before that.
 */
export function useLook(): { setLocale(locale: Locale): void; setTheme(theme: Theme): void } {
  const signedIn = useSession((s) => gateOf(s.session) === 'app');
  const notify = useErrorNotifier();
  const apply = useCallback(
    (patch: { locale?: Locale; theme?: Theme }) => {
      const store = useSettings.getState();
      if (!signedIn) {
        store.preview(patch);
        return;
      }
      store.preview(patch);
      store.update(patch).catch((error: unknown) => notify(error));
    },
    [signedIn, notify],
  );
  return {
    setLocale: useCallback((locale: Locale) => apply({ locale }), [apply]),
    setTheme: useCallback((theme: Theme) => apply({ theme }), [apply]),
  };
}
