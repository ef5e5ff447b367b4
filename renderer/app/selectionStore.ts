import { create } from 'zustand';
import type { Selection } from '../../preload/contract/schemas/windows';
import { clearway } from './clearway';

/** This window's id: selection echoes from the services carry it back and are ignored. */
export const windowId =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `w-${Date.now()}-${Math.random()}`;

/**
 * What the officer has selected, shared by every window of the workstation (the
 * port view on a second monitor follows the queue and the other way round).
 * The queue reads `declarationId`, cases read `caseId`, the port view `cameraId`.
 */
interface SelectionStore {
  declarationId: string | null;
  caseId: string | null;
  cameraId: string | null;
  selectDeclaration(id: string | null): void;
  selectCase(id: string | null): void;
  selectCamera(id: string | null): void;
  /** A selection made in another window (cw:windows.selectionChanged). */
  applyRemote(selection: Selection): void;
}

function broadcast(state: Pick<SelectionStore, 'declarationId' | 'caseId' | 'cameraId'>): void {
  const selection: Selection = {
    declarationId: state.declarationId,
    caseId: state.caseId,
    cameraId: state.cameraId,
    origin: windowId,
  };
  // Other windows are a convenience: a failed broadcast leaves this window's selection as it is.
  clearway()
    .invoke('cw:windows.select', selection)
    .catch(() => undefined);
}

export const useSelection = create<SelectionStore>((set, get) => ({
  declarationId: null,
  caseId: null,
  cameraId: null,
  selectDeclaration(declarationId) {
    set({ declarationId });
    broadcast(get());
  },
  selectCase(caseId) {
    set({ caseId });
    broadcast(get());
  },
  selectCamera(cameraId) {
    set({ cameraId });
    broadcast(get());
  },
  applyRemote(selection) {
    if (selection.origin === windowId) return;
    set({ declarationId: selection.declarationId, caseId: selection.caseId, cameraId: selection.cameraId });
  },
}));
