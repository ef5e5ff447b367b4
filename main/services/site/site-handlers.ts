import type { siteChannels } from '../../../preload/channels/site';
import type { User } from '../../../preload/schemas/auth';
import type { AppStatusMonitor } from '../app/app-status';
import type { HandlersFor } from '../handlers';
import type { EvidenceSnapshots } from './evidence-snapshots';
import type { SiteService } from './site-service';

export interface SiteHandlerDeps {
  site: SiteService;
  evidence: EvidenceSnapshots;
  status: AppStatusMonitor;
  me: () => User;
}

export function siteHandlers(deps: SiteHandlerDeps): HandlersFor<typeof siteChannels> {
  return {
    'cw:site.get': () => deps.site.get(),
    'cw:site.save': (site) => deps.site.save(deps.me(), site),
    'cw:cameras.reportHealth': async ({ reporterId, ...health }) => {
      deps.status.reportCameras(reporterId, health);
      return undefined;
    },
    'cw:evidence.saveSnapshot': (input) => deps.evidence.save(deps.me(), input),
  };
}
