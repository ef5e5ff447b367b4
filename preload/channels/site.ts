/** The port site file, camera health for the status bar, and evidence snapshots from camera views. */
import { z } from 'zod';
import { CameraHealth } from '../schemas/app';
import { SavedSnapshot, Site, SiteDocument, SnapshotInput } from '../schemas/site';
import { channel, none } from '../channel';

export const siteChannels = {
  'cw:site.get': channel({ input: none, output: SiteDocument, access: 'session' }),
  /** Validates and writes <dataDir>/site.json; audited. */
  'cw:site.save': channel({ input: Site, output: SiteDocument, access: ['supervisor'] }),
  /** One window's camera sources, aggregated into AppStatus.cameras across windows. */
  'cw:cameras.reportHealth': channel({
    input: CameraHealth.extend({ reporterId: z.string().min(1).max(64) }),
    output: none,
    access: 'session',
  }),
  /** Saves a camera frame as evidence: <dataDir>/evidence/<sha256>.png with a JSON sidecar; audited. */
  'cw:evidence.saveSnapshot': channel({ input: SnapshotInput, output: SavedSnapshot, access: 'session' }),
} as const;
