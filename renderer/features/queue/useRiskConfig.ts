import { create } from 'zustand';
import type { RiskConfig } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';

/** The risk configuration, read once and re-read after a supervisor saves (names of profiles in hit explanations). */
interface RiskConfigStore {
  config: RiskConfig | null;
  load(): Promise<RiskConfig>;
}

export const useRiskConfig = create<RiskConfigStore>((set) => ({
  config: null,
  async load() {
    const config = await clearway().invoke('cw:risk.config');
    set({ config });
    return config;
  },
}));
