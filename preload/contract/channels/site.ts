/** The port site file and camera health for the status bar. */
import { z } from 'zod';
import { CameraHealth } from '../schemas/app';
import { Site, SiteDocument } from '../schemas/site';
import { channel, none } from '../channel';

export const siteChannels = {
  'cw:site.get': channel({ input: none, output: SiteDocument, access: 'port.view' }),
  /** Validates and writes <dataDir>/site.json; audited. */
  'cw:site.save': channel({ input: Site, output: SiteDocument, access: 'site.manage' }),
  /** One window's camera sources, aggregated into AppStatus.cameras across windows. */
  'cw:site.reportCameraHealth': channel({
    input: CameraHealth.extend({ reporterId: z.string().min(1).max(64) }),
    output: none,
    access: 'port.view',
  }),
} as const;

export const siteEvents = {
  /** A supervisor saved the site: every window reloads cameras and geometry. */
  'cw:site.changed': SiteDocument,
} as const;
