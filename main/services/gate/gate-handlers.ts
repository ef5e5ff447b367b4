import type { gateChannels } from '../../../preload/channels/gate';
import type { User } from '../../../preload/schemas/auth';
import { actorOf } from '../auth/accounts';
import type { HandlersFor } from '../handlers';
import type { GateService } from './gate-service';

export interface GateHandlerDeps {
  gate: GateService;
  me: () => User;
}

export function gateHandlers(deps: GateHandlerDeps): HandlersFor<typeof gateChannels> {
  return {
    // Through the contract only an officer's own entry: recognition reaches GateService.record directly.
    'cw:gate.record': (input) => deps.gate.record(actorOf(deps.me()), { ...input, source: 'officer' }),
    'cw:gate.list': (input) => deps.gate.list(input),
    'cw:gate.present': ({ dwellMinutes }) => deps.gate.present(dwellMinutes),
  };
}
