import { create } from 'zustand';
import type { SiteDocument } from '../../../preload/contract/schemas/site';
import type { SavedSnapshot } from '../../../preload/contract/schemas/evidence';
import { clearway } from '../../app/clearway';
import type { PortSceneInfo, PortSceneMode } from './scene/PortScene';
import type { GridSize } from './wall/gridLayout';
import { saveSnapshot } from './sources/snapshot';
import type { CameraSource } from './sources/cameraSource';

export type PortView = 'overview' | 'wall';

export interface SnapshotResult extends SavedSnapshot {
  cameraId: string;
  takenAt: string;
}

interface PortStore {
  view: PortView;
  mode: PortSceneMode;
  document: SiteDocument | null;
  loading: boolean;
  /** The thrown value; the screen words it with describeError. */
  loadError: unknown;
  /** What three.js still counted when the last scene was disposed (0/0 when nothing leaked). */
  released: PortSceneInfo | null;
  /** How many scenes this window has mounted. */
  mounts: number;
  snapshot: SnapshotResult | null;
  snapshotError: unknown;
  snapshotSaving: boolean;
  wallGroupId: string | null;
  wallSize: GridSize;
  wallPage: number;
  load(): Promise<void>;
  setDocument(document: SiteDocument): void;
  setView(view: PortView): void;
  setMode(mode: PortSceneMode): void;
  noteMounted(): void;
  noteReleased(info: PortSceneInfo): void;
  takeSnapshot(source: CameraSource): Promise<void>;
  dismissSnapshot(): void;
  setWall(patch: Partial<Pick<PortStore, 'wallGroupId' | 'wallSize' | 'wallPage'>>): void;
}

export const usePort = create<PortStore>((set, get) => ({
  view: 'overview',
  mode: { kind: 'overview' },
  document: null,
  loading: false,
  loadError: null,
  released: null,
  mounts: 0,
  snapshot: null,
  snapshotError: null,
  snapshotSaving: false,
  wallGroupId: null,
  wallSize: 2,
  wallPage: 0,
  async load() {
    if (get().loading) return;
    set({ loading: true, loadError: null });
    try {
      const document = await clearway().invoke('cw:site.get');
      set({ document, loading: false });
    } catch (error) {
      set({ loading: false, loadError: error });
    }
  },
  setDocument: (document) => set({ document }),
  setView: (view) => set({ view }),
  setMode: (mode) => set({ mode }),
  noteMounted: () => set((s) => ({ mounts: s.mounts + 1 })),
  noteReleased: (released) => set({ released }),
  async takeSnapshot(source) {
    if (get().snapshotSaving) return;
    set({ snapshotSaving: true, snapshotError: null });
    const takenAt = new Date();
    try {
      const saved = await saveSnapshot(source, takenAt);
      set({ snapshot: { ...saved, cameraId: source.cameraId, takenAt: takenAt.toISOString() }, snapshotSaving: false });
    } catch (error) {
      set({ snapshotError: error, snapshotSaving: false });
    }
  },
  dismissSnapshot: () => set({ snapshot: null, snapshotError: null }),
  setWall: (patch) => set(patch),
}));
