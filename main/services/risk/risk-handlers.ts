/** The risk area: rules, profiles, watchlists and random selection, their history and dry runs; the assessor every import uses. */
import type { riskChannels } from '../../../preload/contract/channels/risk';
import type { Area } from '../area';
import type { Clock } from '../clock';
import type { Core } from '../core';
import { cryptoRandom } from '../queue/crypto-random';
import { systemTimeZone } from '../queue/local-time';
import type { Store } from '../store/types';
import { RiskAdmin } from './risk-admin';
import { RiskAssessor } from './risk-assessor';
import { RiskRulesRepository } from './rules-repository';
import { seededRandom } from './seeded-random';

export interface RiskServices {
  rules: RiskRulesRepository;
  assessor: RiskAssessor;
  admin: RiskAdmin;
  /** Training only: restarts random selection from a scenario's seed, so a replayed session draws the same. */
  reseed?: (seed: number) => void;
}

export interface RiskServicesOptions {
  store: Store;
  clock: Clock;
  /** IANA zone of the office: profile validity dates. */
  timeZone: string;
  /** Tests pass a seeded source; production draws from the OS CSPRNG. */
  random?: () => number;
}

export function createRiskServices(options: RiskServicesOptions): RiskServices {
  const rules = new RiskRulesRepository(options.store);
  const assessor = new RiskAssessor({
    rules,
    clock: options.clock,
    random: options.random ?? cryptoRandom(),
    timeZone: options.timeZone,
  });
  const admin = new RiskAdmin({ store: options.store, repository: rules, assessor, clock: options.clock });
  return { rules, assessor, admin };
}

export function createRiskArea(core: Core): Area<typeof riskChannels> & { risk: RiskServices } {
  // Live work draws from the OS CSPRNG; a training session's draws follow its scenario's seed.
  let draw = seededRandom(1);
  const training = core.mode === 'training';
  const risk: RiskServices = {
    ...createRiskServices({
      store: core.store,
      clock: core.clock,
      timeZone: systemTimeZone(),
      ...(training ? { random: () => draw() } : {}),
    }),
    ...(training
      ? {
          reseed: (seed: number) => {
            draw = seededRandom(seed);
          },
        }
      : {}),
  };
  const { admin } = risk;
  return {
    risk,
    handlers: {
      'cw:risk.config': () => admin.config(),
      'cw:risk.saveRule': ({ rule, expectedVersion }) => admin.saveRule(core.me(), rule, expectedVersion),
      'cw:risk.saveProfile': ({ profile, expectedVersion }) => admin.saveProfile(core.me(), profile, expectedVersion),
      'cw:risk.saveWatchlist': ({ watchlist, expectedVersion }) => admin.saveWatchlist(core.me(), watchlist, expectedVersion),
      'cw:risk.saveRandomSelection': ({ randomSelection, expectedVersion }) =>
        admin.saveRandomSelection(core.me(), randomSelection, expectedVersion),
      'cw:risk.dryRun': ({ rules, watchlists, days }) => admin.dryRun(rules, watchlists, days),
      'cw:risk.ruleHistory': ({ id }) => admin.ruleHistory(id),
    },
  };
}
