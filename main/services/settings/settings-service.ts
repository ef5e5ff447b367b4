import { z } from 'zod';
import type { User } from '../../../preload/contract/schemas/auth';
import { SaveCameraGroupsInput, Settings, SettingsPatch, defaultSettings } from '../../../preload/contract/schemas/settings';
import { ServiceError } from '../errors';
import { holdsRight, refusalOf, securitySettings } from '../../../preload/contract/rights';
import type { Mode } from '../../../preload/contract/schemas/common';
import { auditStatement, type AuditActor } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import type { Store } from '../store/types';
import { parseOrThrow } from '../validation';
import type { SettingsBackend } from './backend';

export interface SettingsServiceOptions {
  backend: SettingsBackend;
  store: Store;
  clock: Clock;
  /** Told when stored settings had to be repaired (becomes a warning notice). */
  onRepaired: (fields: string[]) => void;
  /** Called after every successful update (the caller emits cw:settings.changed). */
  onChanged: (settings: Settings) => void;
  /** Live or training: who may change security settings comes from the rights table (default live). */
  mode?: Mode;
}

/**
 * The workstation settings: read once from the backend (repairing what is
 * invalid), updated with validation, persisted, audited and broadcast.
 */
export class SettingsService {
  #current: Settings;

  constructor(private readonly options: SettingsServiceOptions) {
    const { settings, invalidFields } = repairSettings(options.backend.read());
    this.#current = settings;
    if (invalidFields.length > 0) {
      options.backend.write(settings);
      options.onRepaired(invalidFields);
    }
  }

  get(): Settings {
    return structuredClone(this.#current);
  }

  /** Validates the patch (INVALID_ARGUMENT names each bad field), persists it, audits what changed. */
  async update(actor: User | null, patch: unknown): Promise<Settings> {
    const parsed = parseOrThrow(SettingsPatch.strict(), patch, 'Invalid settings');
    const next = parseOrThrow(Settings, { ...this.#current, ...stripUndefined(parsed) }, 'Invalid settings');
    const changed = changedFields(this.#current, next);
    if (changed.length === 0) return this.get();
    const restricted = changed.filter((key) => (securitySettings as readonly string[]).includes(key));
    const mode = this.options.mode ?? 'live';
    if (actor && restricted.length > 0 && !holdsRight(actor.role, 'settings.security', mode)) {
      throw new ServiceError(
        'FORBIDDEN',
        `${refusalOf(actor.role, 'settings.security', mode, `Changing ${restricted.join(', ')}`)}: these settings affect security; ask a supervisor to sign in and change them.`,
      );
    }
    const previous = this.#current;
    const detail = Object.fromEntries(changed.map((key) => [key, { from: previous[key], to: next[key] }]));
    return this.#commit(actor, next, { action: 'settings.update', subject: null, detail });
  }

  /**
   * Replaces one site's camera-wall groups, leaving every other site's as they
   * are (two windows or two sites never overwrite each other's groups). Any
   * signed-in user may: the groups are their own arrangement of the wall, not access.
   */
  async saveCameraGroups(actor: User | null, siteId: unknown, groups: unknown): Promise<Settings> {
    const input = parseOrThrow(SaveCameraGroupsInput, { siteId, groups }, 'Camera groups not saved');
    const next = parseOrThrow(
      Settings,
      { ...this.#current, cameraGroups: { ...this.#current.cameraGroups, [input.siteId]: input.groups } },
      'Camera groups not saved',
    );
    const before = this.#current.cameraGroups[input.siteId];
    if (JSON.stringify(before) === JSON.stringify(input.groups)) return this.get();
    const summary = (list: typeof input.groups | undefined) =>
      list?.map((g) => `${g.name} (${g.layout}: ${g.cameraIds.join(', ')})`) ?? null;
    return this.#commit(actor, next, {
      action: 'settings.cameraGroups',
      subject: input.siteId,
      detail: { from: summary(before), to: summary(input.groups) },
    });
  }

  /** Persists, audits and broadcasts a validated change. */
  async #commit(
    actor: User | null,
    next: Settings,
    audit: { action: string; subject: string | null; detail: Record<string, unknown> },
  ): Promise<Settings> {
    this.options.backend.write(next);
    this.#current = next;
    await this.options.store.transaction([
      auditStatement({ at: this.options.clock.now(), actor: actor ? actorOf(actor) : SYSTEM_ACTOR, ...audit }),
    ]);
    this.options.onChanged(this.get());
    return this.get();
  }
}

const SYSTEM_ACTOR: AuditActor = { id: 'system', name: 'Clearway' };

/**
 * Keeps every stored field that is valid and falls back to the default for the
 * rest. Missing fields (a newer version added them) are filled silently;
 * invalid ones are reported so the officer learns a setting was reset.
 */
export function repairSettings(stored: unknown): { settings: Settings; invalidFields: string[] } {
  if (stored === undefined || (isRecord(stored) && Object.keys(stored).length === 0)) {
    return { settings: structuredClone(defaultSettings), invalidFields: [] };
  }
  if (!isRecord(stored)) return { settings: structuredClone(defaultSettings), invalidFields: ['(all)'] };
  const settings: Record<string, unknown> = {};
  const invalidFields: string[] = [];
  for (const [key, schema] of Object.entries(Settings.shape) as [keyof Settings, z.ZodType][]) {
    if (!(key in stored)) {
      settings[key] = structuredClone(defaultSettings[key]);
      continue;
    }
    const result = schema.safeParse(stored[key]);
    if (result.success) {
      settings[key] = result.data;
    } else {
      settings[key] = structuredClone(defaultSettings[key]);
      invalidFields.push(key);
    }
  }
  return { settings: Settings.parse(settings), invalidFields };
}

function changedFields(before: Settings, after: Settings): (keyof Settings)[] {
  return (Object.keys(after) as (keyof Settings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
