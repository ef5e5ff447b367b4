/** The evidence area: files and camera snapshots taken in as evidence, read back and transferred with a chain of custody. */
import type { evidenceChannels } from '../../../preload/contract/channels/evidence';
import type { Area } from '../area';
import type { CaseService } from '../cases/case-service';
import type { Core } from '../core';
import type { SiteService } from '../site/site-service';
import type { EvidenceStore } from './evidence-store';
import { EvidenceSnapshots } from './evidence-snapshots';
import { EvidenceThumbnails } from './evidence-thumbnails';
import type { UploadBuffer } from '../upload-buffer';

export function createEvidenceArea(
  core: Pick<Core, 'dataDir' | 'store' | 'clock' | 'logger' | 'me'>,
  deps: { site: SiteService; cases: CaseService; uploads: UploadBuffer; evidenceStore: EvidenceStore },
): Area<typeof evidenceChannels> {
  const { cases, uploads } = deps;
  const thumbnails = new EvidenceThumbnails(deps.evidenceStore);
  const { me } = core;
  // One buffer behind cw:evidence.uploadChunk: case files and camera snapshots arrive the same way.
  const snapshots = new EvidenceSnapshots({
    dataDir: core.dataDir,
    store: core.store,
    clock: core.clock,
    logger: core.logger,
    site: deps.site,
    uploads,
  });
  return {
    handlers: {
      'cw:evidence.uploadChunk': async ({ uploadId, index, base64 }) => cases.uploadChunk(me(), uploadId, index, base64),
      'cw:evidence.add': (input) => cases.addFile(me(), input),
      'cw:evidence.addSnapshot': (input) => cases.addSnapshot(me(), input),
      'cw:evidence.read': ({ caseId, evidenceId, offset }) => cases.read(me(), caseId, evidenceId, offset),
      'cw:evidence.thumbnail': async ({ caseId, evidenceId }) => thumbnails.of(await cases.evidenceItem(caseId, evidenceId)),
      'cw:evidence.transfer': (input) => cases.transfer(me(), input),
      'cw:evidence.saveSnapshot': (input) => snapshots.save(me(), input),
    },
  };
}
