/** The gate area: vehicles arriving at and leaving the gate lanes, linked to their declarations. */
import type { gateChannels } from '../../../preload/contract/channels/gate';
import type { Area } from '../area';
import { actorOf } from '../auth/accounts';
import type { Core } from '../core';
import type { SiteService } from '../site/site-service';
import { GateService } from './gate-service';
import { fillPlateKeys } from './plate-key';

export function createGateArea(
  core: Pick<Core, 'store' | 'clock' | 'logger' | 'emit' | 'me'>,
  deps: { site: Pick<SiteService, 'get'> },
): Area<typeof gateChannels> & { gate: GateService } {
  const gate = new GateService({
    store: core.store,
    clock: core.clock,
    site: async () => (await deps.site.get()).site,
    onRecorded: (event) => core.emit('cw:gate.recorded', event),
  });
  return {
    gate,
    async start() {
      // Declarations stored before the plate key column get theirs, so they link at the gate.
      const filled = await fillPlateKeys(core.store);
      if (filled > 0) core.logger.info({ declarations: filled }, 'plate keys filled in');
    },
    handlers: {
      // Through the contract only an officer's own entry: recognition reaches GateService.record directly.
      'cw:gate.record': (input) => gate.record(actorOf(core.me()), { ...input, source: 'officer' }),
      'cw:gate.list': (input) => gate.list(input),
      'cw:gate.present': ({ dwellMinutes }) => gate.present(dwellMinutes),
    },
  };
}
