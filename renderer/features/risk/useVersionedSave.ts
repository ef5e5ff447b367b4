import { useState } from 'react';
import type { Approval } from '../../../preload/contract/schemas/approvals';
import { isCode } from '../../app/errors';

interface Versioned {
  version: number;
}

export interface VersionedSaveOptions<T extends Versioned> {
  /** What the editor opened (null: a new item, version 0). */
  initial: T | null;
  /**
   * Saves the editor's draft as the version after `expectedVersion`; rules and
   * watchlists answer with a four-eyes request instead (the version is written when
   * a second supervisor approves it).
   */
  save(expectedVersion: number): Promise<T | Approval>;
  /** The latest stored version, read again from the services. */
  latest(): Promise<T | undefined>;
  onSaved(saved: T): void;
  /** The edit was discarded for the latest version: the editor resets its form from it. */
  onReloaded(latest: T | undefined): void;
}

export interface VersionedSave<T extends Versioned> {
  /** The stored version the edit is based on (the last saved or reloaded one). */
  current: T | null;
  busy: boolean;
  /** Someone else saved a newer version in between. */
  conflict: boolean;
  /** The last save became a request waiting for a second supervisor. */
  requested: Approval | null;
  error: unknown;
  /** Saves over the version the edit is based on. */
  save(): Promise<void>;
  /** Discards the edit and loads the latest version. */
  reload(): Promise<void>;
  /** Keeps the edit and saves it over the latest version. */
  overwrite(): Promise<void>;
}

/**
 * Saving a versioned risk item (rule, watchlist, profile, random selection) with
 * the version the editor started from. When someone else saved in between
 * (CONFLICT), the officer's edit is kept and two ways out are offered: load the
 * latest (discarding the edit) or save over it.
 */
export function useVersionedSave<T extends Versioned>(options: VersionedSaveOptions<T>): VersionedSave<T> {
  const [current, setCurrent] = useState<T | null>(options.initial);
  const [conflict, setConflict] = useState(false);
  const [requested, setRequested] = useState<Approval | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function saveOver(expectedVersion: number): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const saved = await options.save(expectedVersion);
      setConflict(false);
      if ('requestedBy' in saved) {
        setRequested(saved);
        return;
      }
      setRequested(null);
      setCurrent(saved);
      options.onSaved(saved);
    } catch (e) {
      if (isCode(e, 'CONFLICT')) setConflict(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return {
    current,
    busy,
    conflict,
    requested,
    error,
    save: () => saveOver(current?.version ?? 0),
    async reload() {
      const latest = await options.latest();
      setCurrent(latest ?? null);
      options.onReloaded(latest);
      setConflict(false);
      setError(null);
    },
    async overwrite() {
      await saveOver((await options.latest())?.version ?? 0);
    },
  };
}
