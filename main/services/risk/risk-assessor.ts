/**
 * Assesses declarations against the risk configuration in force: loads it from
 * the rules repository once, keeps it compiled, and reloads after a save.
 */
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import type { Assessment, RiskConfig } from '../../../preload/contract/schemas/risk';
import type { Clock } from '../clock';
import { compiledFor } from './compiled-config';
import { assessCompiled } from './engine';
import { prepareSubject } from './prepared-subject';
import type { RiskRulesRepository } from './rules-repository';
import { subjectFromDeclaration } from './subject-from-declaration';
import { DEFAULT_CONVERSION } from '../queue/currency';

export interface RiskAssessorOptions {
  rules: RiskRulesRepository;
  clock: Clock;
  random: () => number;
  timeZone: string;
}

export class RiskAssessor {
  #config: Promise<RiskConfig> | null = null;

  private readonly rules: RiskRulesRepository;
  private readonly clock: Clock;
  private readonly random: () => number;
  readonly timeZone: string;

  constructor(options: RiskAssessorOptions) {
    this.rules = options.rules;
    this.clock = options.clock;
    this.random = options.random;
    this.timeZone = options.timeZone;
  }

  /**
   * The stored configuration; before a supervisor has saved anything, no rules
   * and the starter random selection, so random control still runs.
   */
  config(): Promise<RiskConfig> {
    this.#config ??= this.rules.loadConfig(this.timeZone).catch((error: unknown) => {
      // Do not cache a failed load: the next call tries again.
      this.#config = null;
      throw error;
    });
    return this.#config;
  }

  /** Call after any rule, profile, watchlist or random-selection save. */
  invalidate(): void {
    this.#config = null;
  }

  async assess(declaration: Declaration): Promise<{ assessment: Assessment; at: Date }> {
    const compiled = compiledFor(await this.config());
    const at = this.clock.now();
    const subject = prepareSubject(subjectFromDeclaration(declaration, DEFAULT_CONVERSION));
    return { assessment: assessCompiled(subject, compiled, { now: at, random: this.random }), at };
  }
}
