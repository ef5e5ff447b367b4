import { create } from 'zustand';
import type { GateDecision, LaneLive, RecognitionSetup } from '../../../preload/contract/schemas/recognition';
import { clearway } from '../../app/clearway';

/** Recognition as the gate screen shows it: the cameras and policies, each lane live, the recent decisions. */
interface RecognitionStore {
  setup: RecognitionSetup | null;
  lanes: Record<string, LaneLive>;
  decisions: GateDecision[];
  load(): Promise<void>;
  onLane(lane: LaneLive): void;
  onDecided(decision: GateDecision): void;
  setSetup(setup: RecognitionSetup): void;
}

const RECENT = 20;

export const useRecognition = create<RecognitionStore>((set, get) => ({
  setup: null,
  lanes: {},
  decisions: [],
  async load() {
    const [setup, lanes, decisions] = await Promise.all([
      clearway().invoke('cw:recognition.setup'),
      clearway().invoke('cw:recognition.lanes'),
      clearway().invoke('cw:recognition.decisions', { limit: RECENT }),
    ]);
    set({ setup, lanes: Object.fromEntries(lanes.map((l) => [l.cameraId, l])), decisions });
  },
  onLane(lane) {
    set({ lanes: { ...get().lanes, [lane.cameraId]: lane } });
  },
  onDecided(decision) {
    const others = get().decisions.filter((d) => d.id !== decision.id);
    set({ decisions: [decision, ...others].slice(0, RECENT) });
  },
  setSetup(setup) {
    set({ setup });
  },
}));
