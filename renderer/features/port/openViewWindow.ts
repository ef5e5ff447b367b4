import type { WindowView } from '../../../preload/contract/schemas/windows';
import { clearway } from '../../app/clearway';
import { isCode } from '../../app/errors';

/** The hash route a second window opens on. */
export function viewWindowRoute(view: WindowView): string {
  return `#/${view}-window`;
}

/** The second-window view this page shows, from its hash, or null for the main window. */
export function viewWindowFromHash(hash: string): WindowView | null {
  const match = /^#\/(port|wall)-window$/.exec(hash);
  return match ? (match[1] as WindowView) : null;
}

/**
 * Opens the port view or the camera wall in a second window: the Electron host
 * creates a secure BrowserWindow; in the web host the browser opens one itself.
 */
export async function openViewWindow(view: WindowView): Promise<void> {
  try {
    await clearway().invoke('cw:windows.open', { view });
  } catch (error) {
    if (!isCode(error, 'FAILED_PRECONDITION')) throw error;
    const url = `${window.location.pathname}${window.location.search}${viewWindowRoute(view)}`;
    const opened = window.open(url, `clearway-${view}`, 'popup,width=1280,height=800');
    if (!opened) throw new Error('The browser blocked the new window; allow pop-ups for Clearway and try again.');
  }
}
