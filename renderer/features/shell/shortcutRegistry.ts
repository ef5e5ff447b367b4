/**
 * Feature areas list their own keys here so the `?` dialog shows every shortcut
 * of the window, grouped by area, without the shell importing feature code.
 * Labels are i18next keys with their namespace (`queue:shortcuts.down`).
 */
export interface ShortcutEntry {
  /** Alternatives for one action; a space separates keys pressed in sequence. */
  keys: readonly string[];
  labelKey: string;
}

export interface ShortcutGroup {
  /** Stable id of the area; registering it again replaces the earlier list. */
  group: string;
  titleKey: string;
  shortcuts: readonly ShortcutEntry[];
}

const groups = new Map<string, ShortcutGroup>();
const listeners = new Set<() => void>();
let snapshot: readonly ShortcutGroup[] = [];

export function registerShortcuts(group: ShortcutGroup): void {
  if (group.group.trim() === '') throw new Error('registerShortcuts: the group id is empty');
  for (const entry of group.shortcuts) {
    if (entry.keys.length === 0) throw new Error(`registerShortcuts: "${entry.labelKey}" in group "${group.group}" has no keys`);
  }
  groups.set(group.group, group);
  snapshot = [...groups.values()];
  for (const listener of listeners) listener();
}

/** Registered groups in registration order (a stable array until the next registration). */
export function registeredShortcutGroups(): readonly ShortcutGroup[] {
  return snapshot;
}

/** For useSyncExternalStore: a group registered after the dialog mounted still shows. */
export function subscribeShortcuts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
