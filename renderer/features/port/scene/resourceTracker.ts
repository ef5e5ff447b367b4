/** Anything holding GPU or media resources that must be released explicitly. */
export interface Disposable {
  dispose(): void;
}

/**
 * Every geometry, material, texture, render target and control the scene creates
 * goes through `track`, so one `disposeAll` frees them all and a test can check
 * nothing was missed. Groups let a part of the scene (the vehicles, a mode) be
 * rebuilt without touching the rest.
 */
export class ResourceTracker {
  private readonly groups = new Map<string, Set<Disposable>>();

  track<T extends Disposable>(resource: T, group = 'scene'): T {
    let set = this.groups.get(group);
    if (!set) {
      set = new Set();
      this.groups.set(group, set);
    }
    set.add(resource);
    return resource;
  }

  /** How many resources are held, in one group or in all. */
  count(group?: string): number {
    if (group !== undefined) return this.groups.get(group)?.size ?? 0;
    let total = 0;
    for (const set of this.groups.values()) total += set.size;
    return total;
  }

  disposeGroup(group: string): void {
    const set = this.groups.get(group);
    if (!set) return;
    this.groups.delete(group);
    for (const resource of set) resource.dispose();
  }

  disposeAll(): void {
    for (const group of [...this.groups.keys()]) this.disposeGroup(group);
  }
}
