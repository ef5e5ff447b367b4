import { create } from 'zustand';
import type { Decision } from '../../../preload/contract/schemas/queue';
import { useQueue } from './queueStore';

/** The decision waiting for its reason, and which declarations it applies to. */
interface TriageStore {
  pending: { decision: Decision; ids: string[] } | null;
  /** Asks for a decision on the selection, or else on the row under the cursor (or the open one). */
  request(decision: Decision): boolean;
  cancel(): void;
}

/** The declarations an action applies to: the selection if any, else the cursor's row. */
export function actionTargets(): string[] {
  const q = useQueue.getState();
  if (q.cursor.selected.length > 0) return [...q.cursor.selected];
  const row = q.cursor.cursor >= 0 ? q.rowAt(q.cursor.cursor) : undefined;
  if (row) return [row.number];
  return q.openId ? [q.openId] : [];
}

export const useTriage = create<TriageStore>((set) => ({
  pending: null,
  request(decision) {
    const ids = actionTargets();
    if (ids.length === 0) return false;
    set({ pending: { decision, ids } });
    return true;
  },
  cancel: () => set({ pending: null }),
}));
