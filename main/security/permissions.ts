import type { Session } from 'electron';
import { APP_ORIGIN, isTrustedUrl } from './app-origin';

export interface PermissionQuery {
  /** Electron's permission name, e.g. 'media', 'notifications', 'geolocation'. */
  permission: string;
  /** URL or origin of the frame asking. */
  requestingOrigin: string;
  /** The officer's camera setting at the moment of asking. */
  cameraEnabled: boolean;
  /** For 'media': which devices ('video', 'audio', or 'unknown' from a check). */
  mediaTypes: readonly string[];
  /** Origins that are the app; defaults to app://clearway. */
  trustedOrigins?: readonly string[];
}

/**
 * The whole permission policy: the app may use the camera (video only; the
 * workstation never records sound) when the officer has switched it on. Every other
 * permission, origin and device is refused.
 */
export function decidePermission(query: PermissionQuery): boolean {
  if (query.permission !== 'media') return false;
  if (!query.cameraEnabled) return false;
  if (!isTrustedUrl(query.requestingOrigin, query.trustedOrigins ?? [APP_ORIGIN])) return false;
  return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
}

export interface PermissionSettings {
  cameraEnabled: boolean;
}

/**
 * Installs the policy on a session. Chromium asks two questions: "may I?" (request)
 * and "do I already have it?" (check, e.g. before listing devices); both must be
 * answered, or the unanswered one falls back to Electron's permissive default.
 * WebUSB/HID/serial device access is refused outright.
 */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  getSettings: () => PermissionSettings,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details && details.mediaTypes ? details.mediaTypes : [];
    // The frame's own URL is what asks; fall back to the page only if Electron gives none.
    const requestingOrigin = details.requestingUrl || webContents.getURL();
    callback(
      decidePermission({ permission, requestingOrigin, cameraEnabled: getSettings().cameraEnabled, mediaTypes, trustedOrigins }),
    );
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : [];
    return decidePermission({
      permission,
      requestingOrigin,
      cameraEnabled: getSettings().cameraEnabled,
      mediaTypes,
      trustedOrigins,
    });
  });
  session.setDevicePermissionHandler(() => false);
}
