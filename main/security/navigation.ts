import type { App, Shell, WebContents } from 'electron';
import { APP_ORIGIN, isTrustedUrl } from './app-origin';
import { isAllowedExternalUrl, openExternalSafely } from './external-url';

export interface NavigationPolicy {
  /** Origins the window may stay on; by default only app://clearway. */
  trustedOrigins?: readonly string[];
  /** Where allowed links (https:, mailto:) go instead of a new window. */
  shell: Pick<Shell, 'openExternal'>;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * Keeps a webContents on the app: navigating or redirecting away is prevented,
 * window.open and target=_blank never create a window (allowed links open in the
 * system browser instead), and <webview> can never be attached.
 */
export function installNavigationGuards(contents: GuardedContents, policy: NavigationPolicy): void {
  const trusted = policy.trustedOrigins ?? [APP_ORIGIN];
  // The URL is read from the event: Electron deprecated the positional url argument.
  const stayOnApp = (event: NavigationEvent): void => {
    if (!isTrustedUrl(event.url, trusted)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  // Subframe navigations too (will-navigate only covers the main frame).
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternalSafely(url, policy.shell).catch(() => undefined);
    return { action: 'deny' };
  });
}

/**
 * Guards every webContents the app ever creates (windows, devtools, anything a
 * library opens), not only the ones we create ourselves.
 */
export function installWebContentsHardening(app: Pick<App, 'on'>, policy: NavigationPolicy): void {
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, policy));
}
