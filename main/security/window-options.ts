import type { BrowserWindowConstructorOptions } from 'electron';

/** Control rooms are dark: paint the window dark before the first frame to avoid a white flash. */
export const WINDOW_BACKGROUND = '#141414';

/**
 * The only options a Clearway window is created with. Every web preference that
 * matters for security is spelled out, even where it is Electron's default, so a
 * default changing upstream cannot loosen the shell silently.
 */
export function defaultWindowOptions(preloadPath: string, options: { packaged?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show so the officer never sees a half-painted window.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Spellcheck would send typed declaration text to a dictionary service and is noise in forms.
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A packaged workstation has no developer tools: no console in an officer's signed-in session.
      devTools: !options.packaged,
    },
  };
}
