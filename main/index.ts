/**
 * The Electron entry (out/main/index.js): app lifecycle only. Security policy lives
 * in main/security, IPC in main/host/electron.ts, everything else in the services.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell } from 'electron';
import { registerAppScheme, installAppProtocol } from './host/electron-protocol';
import { startElectronHost, type ElectronHost } from './host/electron';
import { electronFilePicker } from './host/electron-file-dialog';
import { createElectronSettingsBackend } from './host/electron-settings';
import { readWindowState, visibleBounds, writeWindowState } from './host/electron-window-state';
import { appMenuTemplate } from './security/app-menu';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './security/app-origin';
import { cspForSettings } from './security/csp';
import { openExternalSafely } from './security/external-url';
import { installWebContentsHardening } from './security/navigation';
import { installPermissionHandlers } from './security/permissions';
import { installRequestFilter, requestPolicy } from './security/request-filter';
import { defaultWindowOptions } from './security/window-options';
import { createServices } from './services';

type Services = Awaited<ReturnType<typeof createServices>>;

// Both must happen before ready: every renderer sandboxed, and app:// privileged.
app.enableSandbox();
registerAppScheme(protocol);

/** electron-vite's dev server, only ever trusted in an unpackaged build. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null;
const trustedOrigins = devServerOrigin ? [APP_ORIGIN, devServerOrigin] : [APP_ORIGIN];

/** sql.js's wasm ships in resources/ (electron-builder extraResources); in development it is read from node_modules. */
function sqlWasmPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'resources', 'sql-wasm.wasm')
    : join(app.getAppPath(), 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
}

/** Shipped resources (demo site, media): extraResources when packaged, the repo's resources/ in development. */
function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(stateFile: string): BrowserWindow {
  const saved = readWindowState(stateFile);
  const bounds = saved
    ? visibleBounds(
        saved.bounds,
        screen.getAllDisplays().map((display) => display.workArea),
      )
    : null;
  const window = new BrowserWindow({
    ...defaultWindowOptions(join(app.getAppPath(), 'out', 'preload', 'index.cjs'), { packaged: app.isPackaged }),
    ...(bounds ?? {}),
    title: 'Clearway',
  });
  window.once('ready-to-show', () => {
    // maximize() also shows a hidden window, so it waits for the first paint too.
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const normal = window.getNormalBounds();
    const rounded = {
      x: Math.round(normal.x),
      y: Math.round(normal.y),
      width: Math.round(normal.width),
      height: Math.round(normal.height),
    };
    try {
      writeWindowState(stateFile, { bounds: rounded, maximized: window.isMaximized() });
    } catch (error) {
      console.error('[clearway] could not save the window state', error);
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

const viewWindows = new Map<'port' | 'wall', BrowserWindow>();

/**
 * A second window on the port view or the camera wall (a second monitor in a
 * control room): same secure options and preload as the main window, one per view.
 */
async function openViewWindow(view: 'port' | 'wall'): Promise<void> {
  const open = viewWindows.get(view);
  if (open && !open.isDestroyed()) {
    open.show();
    open.focus();
    return;
  }
  const window = new BrowserWindow({
    ...defaultWindowOptions(join(app.getAppPath(), 'out', 'preload', 'index.cjs'), { packaged: app.isPackaged }),
    title: view === 'port' ? 'Clearway · Port' : 'Clearway · Camera wall',
  });
  viewWindows.set(view, window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (viewWindows.get(view) === window) viewWindows.delete(view);
  });
  await window.loadURL(`${devServerUrl ?? APP_ENTRY_URL}#/${view}-window`);
}

/** Closes the services (flushing the store's journal) before the process exits. */
function quitAfterClosing(services: Services, electronHost: ElectronHost): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    electronHost.stop();
    services
      .close()
      .catch((error: unknown) => console.error('[clearway] error while closing the services', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  installWebContentsHardening(app, { trustedOrigins, shell });
  app.on('second-instance', focusMainWindow);
  // One window is the whole app on every platform; without it there is nothing to keep running.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform })));
  const userData = app.getPath('userData');
  const services = await createServices({
    dataDir: userData,
    host: 'electron',
    version: app.getVersion(),
    settingsBackend: createElectronSettingsBackend(userData),
    wasmPath: sqlWasmPath(),
    resourcesDir: resourcesDir(),
    logDir: app.getPath('logs'),
    // The services check the allow-list too; this is the only way a link reaches the OS.
    openExternal: async (url) => {
      await openExternalSafely(url, shell);
    },
    openWindow: openViewWindow,
    // Declaration files are read only from paths picked in this dialog, never from paths the renderer names.
    pickFiles: electronFilePicker(dialog, () => BrowserWindow.getFocusedWindow() ?? mainWindow),
  });

  installPermissionHandlers(session.defaultSession, () => services.settings.get(), trustedOrigins);
  // No network but the app, the hub and the camera bridges: checked for every request of every page and worker.
  installRequestFilter(
    session.defaultSession,
    () => requestPolicy(services.settings.get(), trustedOrigins),
    (url, reason) => services.logger.warn({ url, reason }, 'network request refused'),
  );
  installAppProtocol(protocol, {
    rendererRoot: realpathSync(join(app.getAppPath(), 'out', 'renderer')),
    csp: () => cspForSettings(services.settings.get()),
  });
  const electronHost = startElectronHost(services, trustedOrigins, (err, context) =>
    services.logger.error({ err, ...context }, 'IPC call failed'),
  );
  quitAfterClosing(services, electronHost);

  mainWindow = createMainWindow(join(userData, 'window-state.json'));
}

// A second launch hands over to the running instance (which focuses its window) and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error('[clearway] failed to start', error);
    dialog.showErrorBox('Clearway could not start', message);
    app.exit(1);
  });
}
