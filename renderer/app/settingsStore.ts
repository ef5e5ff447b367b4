import { create } from 'zustand';
import type { Locale, Theme } from '../../preload/contract/schemas/common';
import type { Settings } from '../../preload/contract/schemas/settings';
import { defaultSettings } from '../../preload/contract/schemas/settings';
import { clearway } from './clearway';

interface SettingsStore {
  settings: Settings;
  /**
   * A language or theme chosen before sign-in (settings can only be saved by a
   * signed-in user): applied at once, saved on the next sign-in.
   */
  unsaved: Partial<Pick<Settings, 'locale' | 'theme'>>;
  replace(settings: Settings): void;
  /** Saves a patch through the services; returns the stored settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
  /** Applies a look preference locally only (before sign-in). */
  preview(patch: { locale?: Locale; theme?: Theme }): void;
  /** Saves anything chosen before sign-in. */
  flushUnsaved(): Promise<void>;
}

export const useSettings = create<SettingsStore>((set, get) => ({
  settings: defaultSettings,
  unsaved: {},
  replace: (settings) => set({ settings: { ...settings, ...get().unsaved } }),
  async update(patch) {
    const settings = await clearway().invoke('cw:settings.update', patch);
    set({ settings, unsaved: {} });
    return settings;
  },
  preview(patch) {
    set((s) => ({ settings: { ...s.settings, ...patch }, unsaved: { ...s.unsaved, ...patch } }));
  },
  async flushUnsaved() {
    const { unsaved } = get();
    if (Object.keys(unsaved).length === 0) return;
    await get().update(unsaved);
  },
}));
