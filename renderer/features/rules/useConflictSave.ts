import { useState } from 'react';
import { isCode } from '../../app/errors';

/**
 * Saves with the version the editor started from. When someone else saved in
 * between (CONFLICT), the editor keeps the officer's edit and offers: load the
 * latest (discard), or save over it (with the latest version as the base).
 */
export function useConflictSave<T>(save: (expectedVersion: number) => Promise<T>): {
  conflict: boolean;
  busy: boolean;
  error: unknown;
  run(expectedVersion: number): Promise<T | null>;
  dismiss(): void;
} {
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    conflict,
    busy,
    error,
    async run(expectedVersion) {
      setBusy(true);
      setError(null);
      try {
        const saved = await save(expectedVersion);
        setConflict(false);
        return saved;
      } catch (e) {
        if (isCode(e, 'CONFLICT')) setConflict(true);
        else setError(e);
        return null;
      } finally {
        setBusy(false);
      }
    },
    dismiss: () => {
      setConflict(false);
      setError(null);
    },
  };
}
