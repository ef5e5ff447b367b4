/** The site area: the port's site file (geometry, lanes, cameras) and the camera health the status bar shows. */
import type { siteChannels } from '../../../preload/contract/channels/site';
import type { AppStatusMonitor } from '../app/app-status';
import type { Area } from '../area';
import type { Core } from '../core';
import { SiteService } from './site-service';

export function createSiteArea(
  core: Pick<Core, 'dataDir' | 'resourcesDir' | 'store' | 'clock' | 'logger' | 'emit' | 'me'>,
  deps: { status: Pick<AppStatusMonitor, 'reportCameras'> },
): Area<typeof siteChannels> & { site: SiteService } {
  const site = new SiteService({
    dataDir: core.dataDir,
    resourcesDir: core.resourcesDir,
    store: core.store,
    clock: core.clock,
    logger: core.logger,
    onChanged: (document) => core.emit('cw:site.changed', document),
  });
  return {
    site,
    handlers: {
      'cw:site.get': () => site.get(),
      'cw:site.save': (document) => site.save(core.me(), document),
      'cw:site.reportCameraHealth': async ({ reporterId, ...health }) => {
        deps.status.reportCameras(reporterId, health);
        return undefined;
      },
    },
  };
}
