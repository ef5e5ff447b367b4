import { useCallback } from 'react';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { useCases } from './casesStore';

/** Runs a channel call that returns the updated case and shows it; a failure is notified with `what`. Resolves true on success. */
export function useCaseAction(): (call: () => Promise<CaseDetail>, what: string) => Promise<boolean> {
  const notify = useErrorNotifier();
  const apply = useCases((s) => s.apply);
  return useCallback(
    async (call, what) => {
      try {
        apply(await call());
        return true;
      } catch (error) {
        notify(error, what);
        return false;
      }
    },
    [apply, notify],
  );
}
