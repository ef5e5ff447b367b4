import { isAllowedExternalUrl } from '../../security/external-url';
import { ServiceError } from '../errors';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Opens a link in the system browser through the host (Electron's
 * shell.openExternal), only for allow-listed URLs. The web host has no such
 * power: the page is already in a browser.
 */
export async function openExternalLink(url: string, open: OpenExternal | undefined): Promise<void> {
  if (!isAllowedExternalUrl(url))
    throw new ServiceError('INVALID_ARGUMENT', 'This kind of link cannot be opened', [
      { path: 'url', message: 'Not an allowed link' },
    ]);
  if (!open) throw new ServiceError('FAILED_PRECONDITION', 'Open links from the browser');
  await open(url);
}
